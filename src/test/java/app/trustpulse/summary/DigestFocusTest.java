package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.nudge.InMemoryDecisionLog;
import app.trustpulse.nudge.InMemoryNudgeLog;
import app.trustpulse.nudge.NudgeDecision;
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

/** The digest's focus tip follows the focus the leader chose with their promise; an alarm still goes first. */
class DigestFocusTest {

    private final Texts texts = new Texts();
    private final InMemoryNudgeLog log = new InMemoryNudgeLog();
    private final InMemoryDecisionLog decisions = new InMemoryDecisionLog();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC);
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

    /** A draw of 0: the nudge is sent. */
    private LeaderDigests digests(Optional<Dimension> chosen) {
        return new LeaderDigests(
                NudgeModule.digestNudges(log, decisions, texts, () -> 0L, (t, l) -> chosen, clock),
                log,
                new PulseMessages(texts, PulseCharts.none()),
                texts,
                clock);
    }

    /** Six people answer 4, except TRUST: 2. */
    private WeeklyPulse pulse() {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            for (Dimension d : Dimension.values()) {
                answers.add(
                        new Answer(1, week, d, "p" + p, Role.MEMBER, d == Dimension.TRUST ? 2 : 4, Optional.empty()));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 6);
    }

    /** TRUST at 4.0 for ten weeks. */
    private Map<WeekId, Map<Dimension, PublishedScore>> earlier() {
        Map<WeekId, Map<Dimension, PublishedScore>> h = new HashMap<>();
        for (int back = 1; back <= 10; back++) {
            h.put(week.minus(back), Map.of(Dimension.TRUST, new PublishedScore(4.0, 6, OptionalDouble.of(0.6))));
        }
        return h;
    }

    private List<SentNudge> sent() {
        return log.ofLeader(1, "lea", Instant.EPOCH);
    }

    @Test
    void theFocusTipIsOnTheLeadersChosenDimensionAndTheAlarmStillGoesToTheOneThatFell() {
        digests(Optional.of(Dimension.VISION))
                .digest(
                        team,
                        leader,
                        new LeaderDigests.WeekContext(pulse(), earlier(), List.of(), 0, List.of()),
                        Map.of());

        assertThat(sent())
                .anyMatch(n -> n.reason() == NudgeReason.DROP && n.dimension().equals(Optional.of(Dimension.TRUST)));
        assertThat(sent())
                .anyMatch(n -> n.reason() == NudgeReason.FOCUS && n.dimension().equals(Optional.of(Dimension.VISION)));
        NudgeDecision d = decisions.find(1, "lea", week).orElseThrow();
        assertThat(d.dimension()).isEqualTo(Dimension.VISION);
        assertThat(d.rule()).isEqualTo(NudgeDecision.FocusRule.LEADER_CHOSE);
    }

    @Test
    void withoutAChosenFocusAWeekWhoseOnlyFallIsTheAlarmHasNoDecisionPoint() {
        digests(Optional.empty())
                .digest(
                        team,
                        leader,
                        new LeaderDigests.WeekContext(pulse(), earlier(), List.of(), 0, List.of()),
                        Map.of());

        assertThat(sent()).anyMatch(n -> n.reason() == NudgeReason.DROP);
        assertThat(sent()).noneMatch(n -> n.reason() == NudgeReason.FOCUS);
        assertThat(decisions.find(1, "lea", week)).isEmpty();
    }
}
