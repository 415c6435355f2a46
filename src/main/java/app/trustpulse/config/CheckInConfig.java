package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.checkin.CheckInModule;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of check-ins: the check-in module puts itself together ({@link CheckInModule}); this hands it what it needs
 * and offers its facade ({@link CheckIns}: sending check-ins and their reminders, recording answers) to the rest of the
 * application.
 */
@Configuration(proxyBeanMethods = false)
public class CheckInConfig {

    /** The leader each team's statements name, week by week. */
    @Bean
    RatedLeaders ratedLeaders(RatedLeaderRepository store, MemberRepository members) {
        return new RatedLeaders(store, members);
    }

    @Bean
    CheckInModule.Stores checkInStores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            Leases leases) {
        return new CheckInModule.Stores(teams, members, checkIns, pulses, leases);
    }

    @Bean
    CheckInModule checkInModule(
            CheckInModule.Stores stores,
            NoticingPromises promises,
            RatedLeaders ratedLeaders,
            PersonalAnswers personalAnswers,
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            Liveness liveness,
            PulseMetrics metrics,
            PulseProperties properties,
            Pseudonymizer pseudonyms,
            CheckInPlanner planner,
            Texts texts,
            Clock clock) {
        return new CheckInModule(
                stores,
                new CheckInModule.Neighbours(promises, ratedLeaders, personalAnswers),
                new CheckInModule.Outside(gateways, triggers, work, liveness, metrics, properties.claimTimeout()),
                pseudonyms,
                planner,
                texts,
                clock);
    }

    @Bean
    CheckIns checkIns(CheckInModule module) {
        return module.checkIns();
    }
}
