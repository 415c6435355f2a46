package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.RatedLeaderRepository.Named;
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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who gets the self-check comparison on the dimensions whose statements are about the leader: only the leader the
 * week's statements named. A co-leader is compared on the others and told why, in plain words.
 */
class RatedLeaderDigestTest {

    private final Texts texts = new Texts();
    private final LeaderDigests digests = DigestFixtures.digests(texts);
    private final Team team = DigestFixtures.TEAM;
    private final WeekId week = new WeekId(2026, 47);
    private final Named ann = new Named("ann", "Ann");
    private static final int FELT_TRUST_ITEM = 2;
    private static final int TRUST_IN_LEADER_ITEM = 5;

    private static Map<Dimension, Integer> allFives() {
        Map<Dimension, Integer> self = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            self.put(d, 5);
        }
        return self;
    }

    @Test
    void theRatedLeaderIsComparedOnEveryDimension() {
        SelfCheckScope scope = SelfCheckScope.of(allFives(), Optional.of(ann), "ann", FELT_TRUST_ITEM);

        assertThat(scope.isRated()).isTrue();
        assertThat(scope.compared()).containsOnlyKeys(Dimension.values());
        assertThat(scope.notCompared()).isEmpty();
    }

    @Test
    void aCoLeaderIsComparedOnlyWhereTheStatementsAreNotAboutTheLeader() {
        SelfCheckScope scope = SelfCheckScope.of(allFives(), Optional.of(ann), "bob", FELT_TRUST_ITEM);

        assertThat(scope.isRated()).isFalse();
        assertThat(scope.compared()).containsOnlyKeys(Dimension.VISION, Dimension.FREEDOM);
        assertThat(scope.notCompared())
                .containsExactlyInAnyOrder(
                        Dimension.TRUST, Dimension.RESPONSIBILITY, Dimension.CONNECTION, Dimension.SAFETY);
    }

    @Test
    void withNoLeaderNamedNobodyIsComparedWithABlendOfPeople() {
        SelfCheckScope scope = SelfCheckScope.of(allFives(), Optional.empty(), "ann", FELT_TRUST_ITEM);

        assertThat(scope.compared()).containsOnlyKeys(Dimension.VISION, Dimension.FREEDOM);
    }

    @Test
    void theRatedLeadersTrustInThemIsNotSetBesideTheWeeklyFeltTrust() {
        SelfCheckScope scope = SelfCheckScope.of(allFives(), Optional.of(ann), "ann", TRUST_IN_LEADER_ITEM);

        assertThat(scope.compared()).doesNotContainKey(Dimension.TRUST).containsKey(Dimension.CONNECTION);
        assertThat(scope.notCompared()).isEmpty();
    }

    @Test
    void aCoLeadersDigestSaysInPlainWordsWhyThoseDimensionsAreNotCompared() {
        ChatMessage m = digest(SelfCheckScope.of(allFives(), Optional.of(ann), "bob", FELT_TRUST_ITEM), "bob");

        assertThat(texts(m))
                .contains(texts.get(
                        Language.EN,
                        "digest.selfcheck.otherLeader",
                        "Ann",
                        "Trust, Responsibility, Connection, Safety"));
        Block.ScoreTable table = m.blocks().stream()
                .filter(b -> b instanceof Block.ScoreTable t
                        && t.rows().get(0).score().startsWith("you"))
                .map(Block.ScoreTable.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(table.rows()).extracting(Block.ScoreRow::label).containsExactly("Vision", "Freedom");
    }

    @Test
    void theRatedLeadersDigestHasNoSuchWord() {
        ChatMessage m = digest(SelfCheckScope.of(allFives(), Optional.of(ann), "ann", FELT_TRUST_ITEM), "ann");

        assertThat(String.join("\n", texts(m))).doesNotContain("not set beside");
        assertThat(Set.copyOf(texts(m))).contains(texts.get(Language.EN, "digest.selfcheck.title"));
    }

    private ChatMessage digest(SelfCheckScope scope, String leaderId) {
        Member leader = new Member(1, leaderId, leaderId, Role.LEADER, Optional.empty(), false, false);
        return digests.digest(
                team, leader, new LeaderDigests.WeekContext(pulse(), Map.of(), List.of(), 0, List.of()), scope);
    }

    private WeeklyPulse pulse() {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            for (Dimension d : Dimension.values()) {
                answers.add(new Answer(1, week, d, "p" + p, Role.MEMBER, 3, Optional.empty()));
            }
        }
        return new PulseCalculator().calculate(1, week, 3, answers, Map.of(), 5);
    }

    private static List<String> texts(ChatMessage m) {
        return m.blocks().stream()
                .map(b -> b instanceof Block.Text t ? t.text() : b instanceof Block.Context c ? c.text() : "")
                .toList();
    }
}
