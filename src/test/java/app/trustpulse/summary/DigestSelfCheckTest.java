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
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The leader's self-check in the digest: beside the team's scores, or a word on why it is not shown yet. */
class DigestSelfCheckTest {

    private final Texts texts = new Texts();
    private final LeaderDigests digests = DigestFixtures.digests(texts);
    private final Team team = DigestFixtures.TEAM;
    private final Member leader = new Member(1, "lee", "Lee", Role.LEADER, Optional.empty(), false, false);
    private final WeekId week = new WeekId(2026, 47);

    private WeeklyPulse pulse(int people) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            for (Dimension d : Dimension.values()) {
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, 3, Optional.empty()));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), people);
    }

    private static Map<Dimension, Integer> selfCheck() {
        Map<Dimension, Integer> self = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            self.put(d, 5);
        }
        return self;
    }

    private ChatMessage digest(int people) {
        return digests.digest(
                team,
                leader,
                new LeaderDigests.WeekContext(pulse(people), Map.of(), List.of(), 0, List.of()),
                selfCheck());
    }

    private static List<String> texts(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
                .toList();
    }

    @Test
    void withScoresForTheTeamTheSelfCheckStandsBesideThem() {
        ChatMessage m = digest(5);
        assertThat(texts(m))
                .contains(texts.get(Language.EN, "digest.selfcheck.title"))
                .doesNotContain(texts.get(Language.EN, "digest.selfcheck.noTeamScore", 3));
        assertThat(m.blocks())
                .filteredOn(b -> b instanceof Block.ScoreTable t
                        && t.rows().size() == 6
                        && t.rows().get(0).score().startsWith("you 5"))
                .hasSize(1);
    }

    @Test
    void withTheTeamsScoresWithheldTheLeaderIsToldWhyTheSelfCheckIsNotShown() {
        ChatMessage m = digest(2);
        assertThat(texts(m))
                .contains(texts.get(Language.EN, "digest.selfcheck.noTeamScore", 3))
                .doesNotContain(texts.get(Language.EN, "digest.selfcheck.title"));
        assertThat(String.join("\n", texts(m))).doesNotContain("you 5");
    }
}
