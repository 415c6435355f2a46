package app.trustpulse.config;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.feedback.FeedbackConversations;
import app.trustpulse.inbound.HomeView;
import app.trustpulse.inbound.InboxService;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.summary.PulseView;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the one entry point every platform calls.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class InboundConfig {

    @Bean
    InboxService inboxService(
            RunningCommands commands,
            CheckIns checkIns,
            NudgeLog nudgeLog,
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            NudgeCatalog catalog,
            PulseView pulseView,
            Texts texts,
            Clock clock,
            PulseProperties properties,
            PulseMetrics metrics,
            FeedbackConversations conversations,
            KeepingPromises promises,
            NoticingPromises noticing) {
        HomeView home = new HomeView(teams, members, pulses, nudgeLog, catalog, pulseView, texts, clock);
        return new InboxService(
                commands,
                checkIns,
                nudgeLog,
                home,
                teams,
                members,
                texts,
                clock,
                properties.defaultLanguage(),
                metrics,
                conversations,
                promises,
                noticing);
    }
}
