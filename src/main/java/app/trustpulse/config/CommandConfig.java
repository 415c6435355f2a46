package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.command.AdminList;
import app.trustpulse.command.FailedWork;
import app.trustpulse.command.MemberChoices;
import app.trustpulse.command.Reply;
import app.trustpulse.command.RosterNotices;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.command.TeamAdministration;
import app.trustpulse.command.TeamStatus;
import app.trustpulse.command.Welcoming;
import app.trustpulse.doctor.Doctor;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.ParkedWork;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.RosterNoticeRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the command language and what members decide for themselves.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
public class CommandConfig {

    @Bean
    Reply reply(Texts texts) {
        return new Reply(texts);
    }

    @Bean
    Welcoming welcoming(
            TeamRepository teams,
            MemberRepository members,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            PulseProperties properties,
            Clock clock) {
        return new Welcoming(teams, members, gateways, texts, work, properties.claimTimeout(), clock);
    }

    @Bean
    RosterNotices rosterNotices(
            TeamRepository teams,
            RosterNoticeRepository notices,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            PulseProperties properties,
            Clock clock) {
        return new RosterNotices(teams, notices, gateways, texts, work, properties.claimTimeout(), clock);
    }

    @Bean
    RunningCommands runningCommands(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            TeamTriggers triggers,
            ChatGateways gateways,
            Welcoming welcoming,
            RosterNotices notices,
            NudgingLeaders nudging,
            SendingCheckIns sending,
            ClosingWeeks closing,
            MemberChoices choices,
            ParkedWork parked,
            Reply reply,
            Texts texts,
            Doctor doctor,
            Clock clock,
            PulseProperties properties,
            KeepingPromises promises,
            RatedLeaders ratedLeaders) {
        TeamAdministration administration = new TeamAdministration(
                teams,
                members,
                triggers,
                gateways,
                welcoming,
                notices,
                reply,
                new TeamAdministration.Defaults(
                        properties.defaultTimezone(), properties.defaultLanguage(), properties.defaultThreshold()),
                ratedLeaders,
                clock);
        TeamStatus status = new TeamStatus(members, checkIns, answers, pulses, triggers, nudging, texts, clock);
        return new RunningCommands(
                teams,
                members,
                new AdminList(properties.admins()),
                administration,
                status,
                choices,
                sending,
                closing,
                new FailedWork(parked, reply, texts),
                doctor,
                reply,
                texts,
                properties.defaultLanguage(),
                promises);
    }

    @Bean
    MemberChoices memberChoices(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            FeedbackRepository feedback,
            NudgeLog nudgeLog,
            Pseudonymizer pseudonyms,
            Reply reply,
            Texts texts,
            Clock clock,
            List<PlatformPersonalData> platformData,
            KeepingPromises promises,
            NoticingPromises noticing,
            RatedLeaders ratedLeaders) {
        return new MemberChoices(
                teams,
                members,
                checkIns,
                answers,
                feedback,
                nudgeLog,
                pseudonyms,
                reply,
                texts,
                clock,
                platformData,
                new SecureRandom(),
                promises,
                noticing,
                ratedLeaders);
    }
}
