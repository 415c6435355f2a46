package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgeMessages;
import app.trustpulse.nudge.NudgeSelector;
import app.trustpulse.nudge.NudgeTrial;
import app.trustpulse.nudge.QuarterlyReviews;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.summary.LeaderDigests;
import app.trustpulse.summary.PulseCharts;
import app.trustpulse.summary.PulseMessages;
import app.trustpulse.summary.WeekSteps;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the week close: the pulse, feedback release and the leaders' digests.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryConfig {

    @Bean
    PulseMessages pulseMessages(Texts texts, ObjectProvider<PulseCharts> charts) {
        return new PulseMessages(texts, charts.getIfAvailable(PulseCharts::none));
    }

    @Bean
    LeaderDigests leaderDigests(
            NudgeSelector selector,
            NudgeCatalog catalog,
            NudgeLog nudgeLog,
            PulseMessages pulseMessages,
            NudgeMessages nudgeMessages,
            Texts texts,
            Clock clock,
            NudgeTrial trial) {
        return new LeaderDigests(selector, catalog, nudgeLog, pulseMessages, nudgeMessages, texts, clock)
                .randomisedBy(trial);
    }

    @Bean
    TextScrubber textScrubber() {
        return new TextScrubber();
    }

    @Bean
    WeekSteps weekSteps(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            PulseRepository pulses,
            WeekStepRepository steps,
            NudgeSelector selector,
            PulseMessages pulseMessages,
            LeaderDigests digests,
            QuarterlyReviews reviews,
            FeedbackRepository feedback,
            TextScrubber scrubber,
            Pseudonymizer pseudonyms,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            PulseProperties properties,
            Clock clock,
            PulseMetrics metrics) {
        return new WeekSteps(
                teams,
                members,
                answers,
                pulses,
                steps,
                selector,
                pulseMessages,
                digests,
                reviews,
                new FeedbackRelease(feedback, members, pseudonyms, scrubber, new SecureRandom()),
                scrubber,
                pseudonyms,
                gateways,
                texts,
                work,
                properties.claimTimeout(),
                clock,
                metrics);
    }

    @Bean
    ClosingWeeks closingWeeks(
            TeamRepository teams,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            WeekStepRepository steps,
            WeekSteps weekSteps,
            Clock clock,
            PulseMetrics metrics,
            MemberRepository members,
            TextScrubber scrubber,
            Texts texts) {
        return new ClosingWeeks(
                teams,
                checkIns,
                answers,
                pulses,
                new PulseCalculator(),
                steps,
                weekSteps,
                clock,
                metrics,
                members,
                scrubber,
                texts);
    }
}
