package app.trustpulse.insight;

import app.trustpulse.command.RunningCommands;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;
import java.util.Optional;

/**
 * The insight module put together, in plain Java: what it needs comes in, and out comes the dashboard's one facade,
 * {@link Insights}, over reading insights and editing team settings, which stay inside. The application's
 * configuration calls it; tests and benchmarks that run without the application call it too.
 */
public final class InsightModule {

    /**
     * The storage the module reads, with the dashboard's own queries ({@link InsightQueries}) and the weeks' sealed
     * sums of trust in the rated leader ({@code ratedLeaderWeeks}), which the page pools by block.
     */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            CheckInRepository checkIns,
            NudgeLog nudgeLog,
            InsightQueries queries,
            PulseRepository pulses,
            RatedLeaderRepository ratedLeaderWeeks) {}

    /**
     * What it uses of its neighbours: names out of comments; settings changed as commands; the leader each week's
     * statements named, so a self-check is compared only where they were about that leader; of nudges only their
     * facade ({@link DigestNudges}), for the alarm the digest gave and a leader's nudges by month.
     */
    public record Neighbours(
            TextScrubber scrubber, RunningCommands commands, RatedLeaders ratedLeaders, DigestNudges nudges) {}

    private final Insights insights;

    public InsightModule(Stores stores, Neighbours neighbours, PersonalAnswers personalAnswers, Clock clock) {
        ReadingInsights reading = reading(stores, neighbours.scrubber(), neighbours.nudges(), personalAnswers, clock)
                .namingLeaders(neighbours.ratedLeaders());
        this.insights = new Insights(reading, Optional.of(new EditingTeamSettings(reading, neighbours.commands())));
    }

    /**
     * Reading alone, without the settings that run commands, for tools that only read (the benchmarks): changing a
     * setting through it is refused.
     */
    public static Insights readingOnly(
            Stores stores, TextScrubber scrubber, DigestNudges nudges, PersonalAnswers personalAnswers, Clock clock) {
        return new Insights(reading(stores, scrubber, nudges, personalAnswers, clock), Optional.empty());
    }

    private static ReadingInsights reading(
            Stores stores, TextScrubber scrubber, DigestNudges nudges, PersonalAnswers personalAnswers, Clock clock) {
        return new ReadingInsights(
                stores.teams(),
                stores.members(),
                stores.answers(),
                stores.checkIns(),
                stores.nudgeLog(),
                nudges,
                stores.queries(),
                stores.pulses(),
                stores.ratedLeaderWeeks(),
                personalAnswers,
                scrubber,
                clock);
    }

    /** The dashboard's facade. */
    public Insights insights() {
        return insights;
    }
}
