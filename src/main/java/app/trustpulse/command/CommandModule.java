package app.trustpulse.command;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.doctor.Doctor;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.promise.KeepingPromises;
import app.trustpulse.promise.NoticingPromises;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Language;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The command module put together, in plain Java: what it needs comes in, and out comes only its facade,
 * {@link RunningCommands}: the typed commands, what members decide for themselves with a button, and the welcomes and
 * roster notices that changes to a team bring, with the work the scheduler resumes. What members choose, welcoming,
 * roster notices, team administration, the team's status, failed work and the replies stay inside the package. The
 * application's configuration calls it; tests that run without the application call it too.
 */
public final class CommandModule {

    /** The storage the module reads and writes. */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            FeedbackRepository feedback,
            NudgeLog nudgeLog,
            RosterNoticeRepository rosterNotices,
            ParkedWork parked) {}

    /**
     * What it uses of other modules: what commands start there, and a person's own answers (the pulse module's), for
     * "my data" and "forget me".
     */
    public record Neighbours(
            CheckIns sending,
            ClosingWeeks closing,
            NudgingLeaders nudging,
            KeepingPromises promises,
            NoticingPromises noticing,
            Doctor doctor,
            RatedLeaders ratedLeaders,
            PersonalAnswers personalAnswers) {}

    /**
     * How it reaches people and plans and queues work, and its settings.
     *
     * @param platformData what each platform keeps of a person, for "my data" and "forget me"
     * @param random       the tokens that let a member send the feedback they previewed
     * @param admins       service admins beside the platforms' own, as "platform:userId"
     */
    public record Outside(
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            List<PlatformPersonalData> platformData,
            RandomGenerator random,
            Duration claimTimeout,
            Collection<String> admins,
            ZoneId defaultTimezone,
            Language defaultLanguage,
            int defaultThreshold) {}

    private final RunningCommands runningCommands;

    public CommandModule(
            Stores stores, Neighbours neighbours, Outside outside, Pseudonymizer pseudonyms, Texts texts, Clock clock) {
        Reply reply = new Reply(texts);
        Welcoming welcoming = new Welcoming(
                stores.teams(),
                stores.members(),
                outside.gateways(),
                texts,
                outside.work(),
                outside.claimTimeout(),
                clock);
        RosterNotices rosterNotices = new RosterNotices(
                stores.teams(),
                stores.rosterNotices(),
                outside.gateways(),
                texts,
                outside.work(),
                outside.claimTimeout(),
                clock);
        MemberChoices memberChoices = new MemberChoices(
                stores.teams(),
                stores.members(),
                stores.checkIns(),
                neighbours.personalAnswers(),
                stores.feedback(),
                stores.nudgeLog(),
                pseudonyms,
                reply,
                texts,
                clock,
                outside.platformData(),
                outside.random(),
                neighbours.promises(),
                neighbours.noticing(),
                neighbours.ratedLeaders());
        TeamAdministration administration = new TeamAdministration(
                stores.teams(),
                stores.members(),
                outside.triggers(),
                outside.gateways(),
                welcoming,
                rosterNotices,
                reply,
                new TeamAdministration.Defaults(
                        outside.defaultTimezone(), outside.defaultLanguage(), outside.defaultThreshold()),
                neighbours.ratedLeaders(),
                clock);
        TeamStatus status = new TeamStatus(
                stores.members(),
                stores.checkIns(),
                stores.answers(),
                stores.pulses(),
                outside.triggers(),
                neighbours.nudging(),
                texts,
                clock);
        this.runningCommands = new RunningCommands(
                stores.teams(),
                stores.members(),
                new AdminList(outside.admins()),
                administration,
                status,
                memberChoices,
                welcoming,
                rosterNotices,
                neighbours.sending(),
                neighbours.closing(),
                new FailedWork(stores.parked(), reply, texts),
                neighbours.doctor(),
                reply,
                texts,
                outside.defaultLanguage(),
                neighbours.promises());
    }

    public RunningCommands runningCommands() {
        return runningCommands;
    }
}
