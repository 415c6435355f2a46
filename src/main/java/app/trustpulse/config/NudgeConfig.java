package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.nudge.DecisionLog;
import app.trustpulse.nudge.DeploymentEstimates;
import app.trustpulse.nudge.LearnedProbabilities;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeMessages;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.NudgeTrial;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.nudge.QuarterlyReviews;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of nudges: the catalog, choosing them, the mid-week round, the randomised decisions and the
 * quarterly review.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class NudgeConfig {

    @Bean
    NudgeCatalog nudgeCatalog() {
        return new NudgeCatalog();
    }

    @Bean
    NudgeSelector nudgeSelector(NudgeCatalog catalog) {
        return new NudgeSelector(catalog);
    }

    @Bean
    NudgeMessages nudgeMessages(NudgeCatalog catalog, Texts texts) {
        return new NudgeMessages(catalog, texts);
    }

    @Bean
    NudgingLeaders nudgingLeaders(
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            AnswerRepository answers,
            Pseudonymizer pseudonyms,
            NudgeLog nudgeLog,
            NudgeSelector selector,
            NudgeMessages messages,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            PulseProperties properties,
            PulseMetrics metrics,
            WeekStepRepository steps,
            NudgeCatalog catalog,
            NudgeTrial trial,
            RatedLeaders ratedLeaders) {
        return new NudgingLeaders(
                        teams,
                        members,
                        pulses,
                        answers,
                        pseudonyms,
                        nudgeLog,
                        selector,
                        messages,
                        gateways,
                        texts,
                        clock,
                        properties.nudgesPerWeek(),
                        metrics)
                .claimedIn(steps, catalog, properties.claimTimeout())
                .randomisedBy(trial)
                .namingLeaders(ratedLeaders);
    }

    @Bean
    DeploymentEstimates deploymentEstimates(DecisionLog decisions, PulseRepository pulses) {
        return new DeploymentEstimates(decisions, pulses);
    }

    @Bean
    NudgeTrial nudgeTrial(DecisionLog decisions, DeploymentEstimates estimates, Clock clock) {
        return new NudgeTrial(decisions, new LearnedProbabilities(estimates, clock), new SecureRandom(), clock);
    }

    @Bean
    QuarterlyReviews quarterlyReviews(NudgeLog nudgeLog, DecisionLog decisions, Texts texts) {
        return new QuarterlyReviews(nudgeLog, decisions, texts);
    }
}
