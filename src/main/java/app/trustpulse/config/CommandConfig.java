package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.command.CommandModule;
import app.trustpulse.command.RunningCommands;
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
import app.trustpulse.pulse.PersonalAnswers;
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
 * Wiring of the command language and what members decide for themselves: the command module puts itself together
 * ({@link CommandModule}); this hands it what it needs and offers its facade, {@link RunningCommands}.
 */
@Configuration(proxyBeanMethods = false)
public class CommandConfig {

    @Bean
    CommandModule.Stores commandStores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            FeedbackRepository feedback,
            NudgeLog nudgeLog,
            RosterNoticeRepository rosterNotices,
            ParkedWork parked) {
        return new CommandModule.Stores(
                teams, members, checkIns, answers, pulses, feedback, nudgeLog, rosterNotices, parked);
    }

    @Bean
    CommandModule commandModule(
            CommandModule.Stores stores,
            CheckIns sending,
            ClosingWeeks closing,
            NudgingLeaders nudging,
            KeepingPromises promises,
            NoticingPromises noticing,
            Doctor doctor,
            RatedLeaders ratedLeaders,
            PersonalAnswers personalAnswers,
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            List<PlatformPersonalData> platformData,
            PulseProperties properties,
            Pseudonymizer pseudonyms,
            Texts texts,
            Clock clock) {
        return new CommandModule(
                stores,
                new CommandModule.Neighbours(
                        sending, closing, nudging, promises, noticing, doctor, ratedLeaders, personalAnswers),
                new CommandModule.Outside(
                        gateways,
                        triggers,
                        work,
                        platformData,
                        new SecureRandom(),
                        properties.claimTimeout(),
                        properties.admins(),
                        properties.defaultTimezone(),
                        properties.defaultLanguage(),
                        properties.defaultThreshold()),
                pseudonyms,
                texts,
                clock);
    }

    @Bean
    RunningCommands runningCommands(CommandModule commands) {
        return commands.runningCommands();
    }
}
