package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pulse says whom the week's statements about the leader named, and shows trust in that leader pooled. */
class TrustInLeaderLinesTest {

    private final Texts texts = new Texts();
    private final Team team = DigestFixtures.TEAM;
    private final RatedLeaderRepository store = RatedLeaders.inMemory();
    private final RatedLeaders leaders = new RatedLeaders(
            store, teamId -> List.of(new Member(1, "ann", "Ann", Role.LEADER, Optional.empty(), false, false)));
    private final PulseMessages messages = new PulseMessages(texts, PulseCharts.none()).naming(leaders);
    private final WeekId from = TrustInLeaderPool.blockStart(new WeekId(2026, 45));
    private final WeekId last = from.plus(3);

    private WeeklyPulse pulse(WeekId week) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            answers.add(new Answer(1, week, Dimension.VISION, "p" + p, Role.MEMBER, 4, Optional.empty()));
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 5);
    }

    private List<String> lines(WeekId week) {
        return messages.body(team, pulse(week)).stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
                .toList();
    }

    @Test
    void aCompleteBlockShowsTrustInTheNamedLeaderBesideFeltTrust() {
        for (int i = 0; i < 4; i++) {
            leaders.pin(1, from.plus(i));
            store.saveTrustInLeader(1, from.plus(i), 12, 3, 3, List.of(i + "a", i + "b", i + "c"));
        }

        assertThat(lines(last))
                .contains(
                        texts.get(
                                Language.EN,
                                "pulse.trustInLeader",
                                "Ann",
                                from.week(),
                                last.week(),
                                TextFormats.score(Language.EN, 4.0),
                                12),
                        texts.get(Language.EN, "pulse.ratedLeader.pooled", "Ann"));
        assertThat(lines(last.plus(1)))
                .as("mid-way through the next block, the same complete block")
                .contains(texts.get(
                        Language.EN,
                        "pulse.trustInLeader",
                        "Ann",
                        from.week(),
                        last.week(),
                        TextFormats.score(Language.EN, 4.0),
                        12));
    }

    @Test
    void aPoolFromTooFewPeopleSaysItIsNotShown() {
        for (int i = 0; i < 4; i++) {
            leaders.pin(1, from.plus(i));
        }
        // Two different people in the whole block.
        store.saveTrustInLeader(1, from, 8, 2, 2, List.of("a", "b"));

        assertThat(lines(last))
                .contains(texts.get(Language.EN, "pulse.trustInLeader.withheld", "Ann", from.week(), last.week(), 3))
                .noneMatch(l -> l.contains("4.0"));
    }
}
