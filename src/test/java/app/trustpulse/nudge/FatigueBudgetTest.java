package app.trustpulse.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FatigueBudgetTest {

    private static SentNudge sent(int i, SentNudge.Reaction reaction) {
        return new SentNudge(
                i,
                1,
                "lea",
                "n" + i,
                Optional.of(Dimension.TRUST),
                NudgeReason.ROTATION,
                new WeekId(2026, 40 + i),
                SentNudge.Occasion.MIDWEEK,
                Instant.ofEpochSecond(i),
                Optional.ofNullable(reaction));
    }

    @Test
    void threeUnansweredNudgesInARowReduceTheBudgetAndAnyReactionRestoresIt() {
        List<SentNudge> log = new ArrayList<>();
        log.add(sent(1, SentNudge.Reaction.TRIED));
        log.add(sent(2, null));
        log.add(sent(3, null));
        assertThat(NudgingLeaders.reduced(log)).isFalse();
        log.add(sent(4, null));
        assertThat(NudgingLeaders.reduced(log)).isTrue();
        log.set(3, sent(4, SentNudge.Reaction.NOT_YET));
        assertThat(NudgingLeaders.reduced(log)).isFalse();
        assertThat(NudgingLeaders.reduced(List.of(sent(1, null), sent(2, null))))
                .isFalse();
    }
}
