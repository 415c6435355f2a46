package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.InMemoryDecisionLog;
import app.trustpulse.nudge.InMemoryNudgeLog;
import app.trustpulse.nudge.NudgeModule;
import app.trustpulse.nudge.NudgeReason;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** What the digest says about a fall: a possible disruption only when the alarm test passes, else "lower". */
class DigestAlarmsTest {

    private final Texts texts = new Texts();
    private final InMemoryNudgeLog log = new InMemoryNudgeLog();
    private final LeaderDigests digests = new LeaderDigests(
            NudgeModule.digestNudges(log, new InMemoryDecisionLog(), texts),
            log,
            new PulseMessages(texts, PulseCharts.none()),
            texts,
            Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC));
    private final Team team = new Team(
            1,
            Platform.PLAYGROUND,
            "demo",
            "team",
            "team",
            ZoneId.of("Europe/Amsterdam"),
            Language.NL,
            3,
            TeamSchedule.defaults(),
            false);
    private final Member leader = new Member(1, "lea", "Lea", Role.LEADER, Optional.empty(), false, false);
    private final WeekId week = new WeekId(2026, 47);

    /** Everyone answers 4, except TRUST: 2 from each of {@code people}. */
    private WeeklyPulse pulse(int people) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            for (Dimension d : Dimension.values()) {
                answers.add(
                        new Answer(1, week, d, "p" + p, Role.MEMBER, d == Dimension.TRUST ? 2 : 4, Optional.empty()));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), people);
    }

    /** TRUST at 4.0 for ten weeks, each on {@code answers} answers. */
    private Map<WeekId, Map<Dimension, PublishedScore>> earlier(int answers) {
        Map<WeekId, Map<Dimension, PublishedScore>> h = new HashMap<>();
        for (int back = 1; back <= 10; back++) {
            h.put(week.minus(back), Map.of(Dimension.TRUST, new PublishedScore(4.0, answers, OptionalDouble.of(0.6))));
        }
        return h;
    }

    private static List<String> lines(ChatMessage m) {
        return m.blocks().stream()
                .filter(b -> b instanceof Block.Text)
                .map(b -> ((Block.Text) b).text())
                .toList();
    }

    private List<NudgeReason> reasons() {
        return log.ofLeader(1, "lea", Instant.EPOCH).stream()
                .map(SentNudge::reason)
                .toList();
    }

    @Test
    void aFallTheAnswersCanCarryIsNamedAPossibleDisruption() {
        ChatMessage m = digests.digest(
                team, leader, new LeaderDigests.WeekContext(pulse(6), earlier(6), List.of(), 0, List.of()), Map.of());
        String trust = texts.dimensionName(Language.NL, Dimension.TRUST);
        assertThat(lines(m)).contains(texts.get(Language.NL, "digest.drop", trust));
        assertThat(reasons()).contains(NudgeReason.DROP);
    }

    @Test
    void theSameFallOnFourAnswersIsOnlyLowerThisWeekAndNeverADisruption() {
        ChatMessage m = digests.digest(
                team, leader, new LeaderDigests.WeekContext(pulse(4), earlier(4), List.of(), 0, List.of()), Map.of());
        String trust = texts.dimensionName(Language.NL, Dimension.TRUST);
        assertThat(lines(m)).contains(texts.get(Language.NL, "digest.lower", trust));
        assertThat(lines(m)).doesNotContain(texts.get(Language.NL, "digest.drop", trust));
        assertThat(reasons()).doesNotContain(NudgeReason.DROP);
    }
}
