package app.trustpulse.insight;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;

/**
 * The insight module put together, in plain Java: what it needs comes in, and out come the dashboard's two use cases,
 * {@link ReadingInsights} and {@link EditingTeamSettings}. The application's configuration calls it; tests and
 * benchmarks that run without the application call it too.
 */
public final class InsightModule {

    /** The storage the module reads, with the dashboard's own queries ({@link InsightQueries}). */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            CheckInRepository checkIns,
            NudgeLog nudgeLog,
            InsightQueries queries,
            PulseRepository pulses) {}

    /**
     * What it uses of its neighbours: names out of comments; settings changed as commands; the leader each week's
     * statements named, so a self-check is compared only where they were about that leader.
     */
    public record Neighbours(TextScrubber scrubber, RunningCommands commands, RatedLeaders ratedLeaders) {}

    private final ReadingInsights readingInsights;
    private final EditingTeamSettings editingTeamSettings;

    public InsightModule(Stores stores, Neighbours neighbours, PersonalAnswers personalAnswers, Clock clock) {
        this.readingInsights = readingInsights(stores, neighbours.scrubber(), personalAnswers, clock)
                .namingLeaders(neighbours.ratedLeaders());
        this.editingTeamSettings = new EditingTeamSettings(readingInsights, neighbours.commands());
    }

    /** Reading alone, without the settings that run commands, for tools that only read (the benchmarks). */
    public static ReadingInsights readingInsights(
            Stores stores, TextScrubber scrubber, PersonalAnswers personalAnswers, Clock clock) {
        return new ReadingInsights(
                stores.teams(),
                stores.members(),
                stores.answers(),
                stores.checkIns(),
                stores.nudgeLog(),
                stores.queries(),
                stores.pulses(),
                personalAnswers,
                scrubber,
                clock);
    }

    public ReadingInsights readingInsights() {
        return readingInsights;
    }

    public EditingTeamSettings editingTeamSettings() {
        return editingTeamSettings;
    }
}
