package app.trustpulse.config;

import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.promise.PromiseBlocks;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.promise.PromiseTexts;
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
 * Wiring of the leaders' focus and promises and the members' "did you notice?".
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class PromiseConfig {

    @Bean
    PromiseTexts promiseTexts(Texts texts) {
        return new PromiseTexts(texts);
    }

    @Bean
    NoticingPromises noticingPromises(
            PromiseRepository promises,
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            Pseudonymizer pseudonyms,
            PromiseTexts texts) {
        return new NoticingPromises(promises, teams, members, checkIns, pulses, pseudonyms, texts);
    }

    @Bean
    PromiseBlocks promiseBlocks(
            PromiseRepository promises,
            MemberRepository members,
            PulseRepository pulses,
            NoticingPromises noticing,
            PromiseTexts texts) {
        return new PromiseBlocks(promises, members, pulses, noticing, texts);
    }

    @Bean
    KeepingPromises keepingPromises(
            TeamRepository teams,
            MemberRepository members,
            PromiseRepository promises,
            NudgeLog nudgeLog,
            NudgeCatalog catalog,
            PromiseTexts texts,
            Clock clock) {
        return new KeepingPromises(teams, members, promises, nudgeLog, catalog, texts, clock);
    }
}
