package app.trustpulse.checkin;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.promise.PromiseQuestions;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;

/**
 * The check-in module put together, in plain Java: what it needs comes in, and out comes only its facade,
 * {@link CheckIns}, for the scheduler, commands, the playground and the inbox. Sending, reminding, recording answers,
 * the messages and the typed-reply parser stay inside the package. The application's configuration calls it; tests and
 * benchmarks that run without the application call it too.
 */
public final class CheckInModule {

    /** The storage the module reads and writes. */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            Leases leases) {}

    /**
     * What it uses of its neighbours: the questions promises add to a member's first check-in of the week, the leader
     * each week's statements name, and a person's own answers (the pulse module's), to show, replace and remind.
     */
    public record Neighbours(PromiseQuestions promises, RatedLeaders ratedLeaders, PersonalAnswers personalAnswers) {}

    /** How it reaches people, plans its triggers and queues its retries, and its settings. */
    public record Outside(
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            Liveness liveness,
            PulseMetrics metrics,
            Duration claimTimeout) {}

    private final CheckIns checkIns;

    public CheckInModule(
            Stores stores,
            Neighbours neighbours,
            Outside outside,
            Pseudonymizer pseudonyms,
            CheckInPlanner planner,
            Texts texts,
            Clock clock) {
        CheckInMessages messages = new CheckInMessages(texts, neighbours.promises(), neighbours.ratedLeaders());
        SendingCheckIns sending = new SendingCheckIns(
                        stores.teams(),
                        stores.members(),
                        stores.checkIns(),
                        stores.pulses(),
                        planner,
                        messages,
                        outside.gateways(),
                        outside.triggers(),
                        outside.work(),
                        stores.leases(),
                        outside.liveness(),
                        outside.claimTimeout(),
                        clock,
                        outside.metrics(),
                        pseudonyms)
                .namingLeaders(neighbours.ratedLeaders());
        Reminding reminding = new Reminding(
                stores.teams(),
                stores.members(),
                stores.checkIns(),
                stores.pulses(),
                messages,
                outside.gateways(),
                outside.claimTimeout(),
                clock,
                outside.metrics(),
                neighbours.personalAnswers());
        RecordingAnswers recording = new RecordingAnswers(
                stores.teams(),
                stores.members(),
                stores.checkIns(),
                stores.pulses(),
                neighbours.personalAnswers(),
                new TypedReplyParser(),
                messages,
                outside.gateways(),
                texts,
                clock,
                outside.metrics());
        this.checkIns = new CheckIns(sending, reminding, recording);
    }

    public CheckIns checkIns() {
        return checkIns;
    }
}
