package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gap beside a self-check is the difference of the numbers the reader sees, not of the exact means. */
class DigestGapsTest {

    private final Texts texts = new Texts();
    private final LeaderDigests digests = DigestFixtures.digests(texts);
    private final Team team = DigestFixtures.TEAM;
    private final Member leader = new Member(1, "lea", "Lea", Role.LEADER, Optional.empty(), false, false);
    private final WeekId week = new WeekId(2026, 47);

    /** VISION 4,4,4,3 (3.75) and TRUST 4,4,4,4,4,3 (3.83): both shown as 3.8; the rest 3. */
    private WeeklyPulse pulse() {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            for (Dimension d : Dimension.values()) {
                int score = d == Dimension.VISION ? (p == 3 ? 3 : 4) : d == Dimension.TRUST ? (p == 5 ? 3 : 4) : 3;
                if (d == Dimension.VISION && p >= 4) {
                    continue;
                }
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, score, Optional.empty()));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 6);
    }

    @Test
    void theSameShownScoreGivesTheSameShownGap() {
        WeeklyPulse pulse = pulse();
        assertThat(pulse.mean(Dimension.VISION)).hasValue(3.75);

        ChatMessage m = digests.digest(
                team,
                leader,
                new LeaderDigests.WeekContext(pulse, Map.of(), List.of(), 0, List.of()),
                Map.of(Dimension.VISION, 5, Dimension.TRUST, 5));

        List<Block.ScoreRow> rows = m.blocks().stream()
                .filter(b -> b instanceof Block.ScoreTable)
                .flatMap(b -> ((Block.ScoreTable) b).rows().stream())
                .filter(r -> r.score().startsWith("you"))
                .toList();
        assertThat(rows).extracting(Block.ScoreRow::score).containsExactly("you 5 · team 3.8", "you 5 · team 3.8");
        assertThat(rows).extracting(Block.ScoreRow::change).containsExactly("▲ +1.2", "▲ +1.2");
    }

    @ParameterizedTest
    @CsvSource({"5, 3.75", "5, 3.84", "1, 2.25", "4, 4.05", "2, 3.95", "3, 3.0", "4.35, 3.15"})
    void theShownDifferenceIsTheDifferenceOfTheShownNumbers(double a, double b) {
        BigDecimal shownA = BigDecimal.valueOf(PulseCalculator.oneDecimal(a));
        BigDecimal shownB = BigDecimal.valueOf(PulseCalculator.oneDecimal(b));
        double expected = shownA.subtract(shownB).doubleValue();

        assertThat(TextFormats.difference(Language.EN, a, b)).isEqualTo(TextFormats.change(Language.EN, expected));
        assertThat(TextFormats.difference(Language.NL, a, b)).isEqualTo(TextFormats.change(Language.NL, expected));
    }
}
