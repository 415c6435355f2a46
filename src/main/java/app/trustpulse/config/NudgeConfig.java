package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.nudge.MonthlyReviews;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeMessages;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of nudges: the catalog, choosing them, the mid-week round and the monthly review.
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
            NudgeCatalog catalog) {
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
                .claimedIn(steps, catalog, properties.claimTimeout());
    }

    @Bean
    MonthlyReviews monthlyReviews(NudgeLog nudgeLog, Texts texts) {
        return new MonthlyReviews(nudgeLog, texts);
    }
}
