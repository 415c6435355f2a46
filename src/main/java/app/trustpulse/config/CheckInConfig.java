package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.checkin.CheckInMessages;
import app.trustpulse.checkin.RecordingAnswers;
import app.trustpulse.checkin.Reminding;
import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.checkin.TypedReplyParser;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.AnswerRepository;
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
 * Wiring of check-ins: sending them and their reminders, recording answers.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class CheckInConfig {

    /** The leader each team's statements name, week by week. */
    @Bean
    RatedLeaders ratedLeaders(RatedLeaderRepository store, MemberRepository members) {
        return new RatedLeaders(store, members);
    }

    @Bean
    CheckInMessages checkInMessages(Texts texts, NoticingPromises promises, RatedLeaders ratedLeaders) {
        return new CheckInMessages(texts, promises, ratedLeaders);
    }

    @Bean
    SendingCheckIns sendingCheckIns(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckInMessages messages,
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            Leases leases,
            Liveness liveness,
            PulseProperties properties,
            Clock clock,
            PulseMetrics metrics,
            Pseudonymizer pseudonyms,
            RatedLeaders ratedLeaders) {
        return new SendingCheckIns(
                        teams,
                        members,
                        checkIns,
                        pulses,
                        new CheckInPlanner(),
                        messages,
                        gateways,
                        triggers,
                        work,
                        leases,
                        liveness,
                        properties.claimTimeout(),
                        clock,
                        metrics,
                        pseudonyms)
                .namingLeaders(ratedLeaders);
    }

    @Bean
    Reminding reminding(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckInMessages messages,
            ChatGateways gateways,
            PulseProperties properties,
            Clock clock,
            PulseMetrics metrics,
            AnswerRepository answers,
            Pseudonymizer pseudonyms) {
        return new Reminding(
                teams,
                members,
                checkIns,
                pulses,
                messages,
                gateways,
                properties.claimTimeout(),
                clock,
                metrics,
                new PersonalAnswers(answers, pseudonyms));
    }

    @Bean
    RecordingAnswers recordingAnswers(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            Pseudonymizer pseudonyms,
            CheckInMessages messages,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            PulseMetrics metrics) {
        return new RecordingAnswers(
                teams,
                members,
                checkIns,
                answers,
                pulses,
                pseudonyms,
                new TypedReplyParser(),
                messages,
                gateways,
                texts,
                clock,
                metrics);
    }
}
