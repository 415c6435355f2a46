package app.trustpulse.config;

import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.promise.PromiseBlocks;
import app.trustpulse.promise.PromiseModule;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the leaders' focus and promises and the members' "did you notice?": the promise module puts itself
 * together ({@link PromiseModule}); this hands it what it needs and offers its facade and ports as beans.
 */
@Configuration(proxyBeanMethods = false)
public class PromiseConfig {

    @Bean
    PromiseModule promiseModule(
            PromiseRepository promises,
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            NudgeLog nudgeLog,
            NudgeCatalog catalog,
            Pseudonymizer pseudonyms,
            Texts texts,
            Clock clock) {
        return new PromiseModule(
                new PromiseModule.Stores(promises, teams, members, checkIns, pulses, nudgeLog),
                new PromiseModule.Neighbours(catalog),
                pseudonyms,
                texts,
                clock);
    }

    @Bean
    NoticingPromises noticingPromises(PromiseModule module) {
        return module.noticingPromises();
    }

    @Bean
    PromiseBlocks promiseBlocks(PromiseModule module) {
        return module.promiseBlocks();
    }

    @Bean
    KeepingPromises keepingPromises(PromiseModule module) {
        return module.keepingPromises();
    }
}
