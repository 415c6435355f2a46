package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.nudge.DecisionLog;
import app.trustpulse.nudge.DeploymentEstimates;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeModule;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.promise.PromiseModule;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
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
 * Wiring of nudges: the nudge module puts itself together ({@link NudgeModule}); this hands it what it needs and
 * offers its facade and ports to the rest of the application.
 */
@Configuration(proxyBeanMethods = false)
public class NudgeConfig {

    @Bean
    NudgeModule nudgeModule(
            NudgeLog nudgeLog,
            DecisionLog decisions,
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            WeekStepRepository steps,
            PromiseRepository promises,
            RatedLeaders ratedLeaders,
            PersonalAnswers personalAnswers,
            ChatGateways gateways,
            PulseMetrics metrics,
            PulseProperties properties,
            Pseudonymizer pseudonyms,
            Texts texts,
            Clock clock) {
        return new NudgeModule(
                new NudgeModule.Stores(nudgeLog, decisions, teams, members, pulses, steps),
                new NudgeModule.Neighbours(PromiseModule.focusOf(promises), ratedLeaders, personalAnswers),
                new NudgeModule.Outside(
                        gateways, metrics, properties.nudgesPerWeek(), properties.claimTimeout(), new SecureRandom()),
                pseudonyms,
                texts,
                clock);
    }

    @Bean
    NudgeCatalog nudgeCatalog(NudgeModule nudges) {
        return nudges.catalog();
    }

    @Bean
    NudgingLeaders nudgingLeaders(NudgeModule nudges) {
        return nudges.nudgingLeaders();
    }

    @Bean
    DigestNudges digestNudges(NudgeModule nudges) {
        return nudges.digestNudges();
    }

    @Bean
    DeploymentEstimates deploymentEstimates(NudgeModule nudges) {
        return nudges.deploymentEstimates();
    }
}
