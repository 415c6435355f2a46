package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.PromiseBlocks;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekStepRepository;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.summary.PulseCharts;
import app.trustpulse.summary.PulseView;
import app.trustpulse.summary.SummaryModule;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the week close: the summary module puts itself together ({@link SummaryModule}); this hands it what it
 * needs and offers its facade and its view of the pulse to the rest of the application.
 */
@Configuration(proxyBeanMethods = false)
public class SummaryConfig {

    @Bean
    SummaryModule.Stores summaryStores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            WeekStepRepository steps,
            NudgeLog nudgeLog,
            RatedLeaderRepository ratedLeaders) {
        return new SummaryModule.Stores(teams, members, checkIns, answers, pulses, steps, nudgeLog, ratedLeaders);
    }

    @Bean
    SummaryModule summaryModule(
            SummaryModule.Stores stores,
            DigestNudges nudges,
            FeedbackRelease feedbackRelease,
            TextScrubber scrubber,
            PromiseBlocks promises,
            PersonalAnswers personalAnswers,
            ChatGateways gateways,
            WorkQueue work,
            ObjectProvider<PulseCharts> charts,
            PulseMetrics metrics,
            PulseProperties properties,
            Pseudonymizer pseudonyms,
            Texts texts,
            Clock clock) {
        return new SummaryModule(
                stores,
                new SummaryModule.Neighbours(nudges, feedbackRelease, scrubber, promises, personalAnswers),
                new SummaryModule.Outside(
                        gateways, work, charts.getIfAvailable(PulseCharts::none), metrics, properties.claimTimeout()),
                pseudonyms,
                texts,
                clock);
    }

    @Bean
    ClosingWeeks closingWeeks(SummaryModule summary) {
        return summary.closingWeeks();
    }

    @Bean
    PulseView pulseView(SummaryModule summary) {
        return summary.pulseView();
    }
}
