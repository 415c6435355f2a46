package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.RatedLeaderRepository.Named;
import app.trustpulse.pulse.RatedLeaderRepository.TrustInLeaderWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Trust in the leader, pooled over fixed blocks of four weeks, shown only when enough different people are sure. */
class TrustInLeaderPoolTest {

    private static final Named ANN = new Named("ann", "Ann");
    private static final Named BOB = new Named("bob", "Bob");

    /** The first week of a block, and the three after it. */
    private final WeekId start = TrustInLeaderPool.blockStart(new WeekId(2026, 40));

    /** A week closed with its givers kept apart: its counts are different people from the block's other such weeks. */
    private TrustInLeaderWeek week(int offset, Named leader, int sum, int scores) {
        return new TrustInLeaderWeek(start.plus(offset), Optional.of(leader), sum, scores, scores, true);
    }

    /** A week closed before givers were kept apart: someone in it may be in the block's other weeks too. */
    private TrustInLeaderWeek unchecked(int offset, int sum, int scores) {
        return new TrustInLeaderWeek(start.plus(offset), Optional.of(ANN), sum, scores, scores, false);
    }

    @Test
    void blocksAreFixedFourWeekSpansAndTheLatestCompleteOneIsShown() {
        assertThat(TrustInLeaderPool.blockStart(start.plus(3))).isEqualTo(start);
        assertThat(TrustInLeaderPool.blockStart(start.plus(4))).isEqualTo(start.plus(4));
        assertThat(TrustInLeaderPool.latestCompleteStart(start.plus(3)))
                .as("its last week closed: the block is complete")
                .isEqualTo(start);
        assertThat(TrustInLeaderPool.latestCompleteStart(start.plus(6)))
                .as("mid-block: the block before, never a window that overlaps the next one shown")
                .isEqualTo(start);
    }

    @Test
    void aPoolOfFourWeeksShowsTheMeanOfAllItsScores() {
        List<TrustInLeaderWeek> weeks =
                List.of(week(0, ANN, 8, 2), week(1, ANN, 12, 3), week(2, ANN, 6, 2), week(3, ANN, 9, 2));

        TrustInLeaderPool.Pooled pool =
                TrustInLeaderPool.latest(start.plus(3), weeks, 3).orElseThrow();

        assertThat(pool.withheld()).isFalse();
        assertThat(pool.mean().getAsDouble()).isEqualTo(35.0 / 9);
        assertThat(pool.scores()).isEqualTo(9);
        assertThat(pool.from()).isEqualTo(start);
        assertThat(pool.to()).isEqualTo(start.plus(3));
        assertThat(pool.leader()).contains(ANN);
    }

    @Test
    void everyWeekBelowTheThresholdStillPoolsToAShownMean() {
        // One pool week per person: each week has one or two of the team, together four different people.
        List<TrustInLeaderWeek> weeks =
                List.of(week(0, ANN, 4, 1), week(1, ANN, 3, 1), week(2, ANN, 8, 2), week(3, ANN, 0, 0));

        assertThat(TrustInLeaderPool.latest(start.plus(3), weeks, 3)
                        .orElseThrow()
                        .withheld())
                .isFalse();
        assertThat(TrustInLeaderPool.surePeople(weeks)).isEqualTo(4);
    }

    @Test
    void aPoolThatCouldComeFromTooFewPeopleIsWithheld() {
        // Weeks closed before givers were kept apart: six scores could be two people answering in three weeks each,
        // or even one person in four weeks with another; only a quarter of the counts is sure.
        List<TrustInLeaderWeek> weeks =
                List.of(unchecked(0, 8, 2), unchecked(1, 8, 2), unchecked(2, 8, 2), unchecked(3, 0, 0));

        TrustInLeaderPool.Pooled pool =
                TrustInLeaderPool.latest(start.plus(3), weeks, 3).orElseThrow();

        assertThat(pool.withheld()).isTrue();
        assertThat(pool.mean()).isEmpty();
        assertThat(TrustInLeaderPool.surePeople(weeks)).isEqualTo(2);
    }

    @Test
    void aBlockMixingUncheckedAndKeptApartWeeksCountsOnlyWhatIsSure() {
        // Two unchecked weeks of two scores each, and two kept-apart weeks of one each: the kept-apart givers are two
        // different people, the unchecked scores may be theirs too.
        List<TrustInLeaderWeek> weeks =
                List.of(unchecked(0, 8, 2), unchecked(1, 8, 2), week(2, ANN, 4, 1), week(3, ANN, 4, 1));

        assertThat(TrustInLeaderPool.surePeople(weeks)).isEqualTo(2);
        assertThat(TrustInLeaderPool.latest(start.plus(3), weeks, 3)
                        .orElseThrow()
                        .withheld())
                .isTrue();
    }

    @Test
    void scoresOfPeopleWhoJoinedThisWeekAreAveragedButDoNotUnlockThePool() {
        List<TrustInLeaderWeek> weeks = List.of(
                new TrustInLeaderWeek(start, Optional.of(ANN), 20, 5, 1, true),
                new TrustInLeaderWeek(start.plus(1), Optional.of(ANN), 4, 1, 1, true));

        assertThat(TrustInLeaderPool.latest(start.plus(3), weeks, 3)
                        .orElseThrow()
                        .withheld())
                .isTrue();
    }

    @Test
    void aPoolIsAboutOneLeaderTheOneItsLastWeekNamed() {
        List<TrustInLeaderWeek> weeks =
                List.of(week(0, ANN, 3, 3), week(1, ANN, 3, 3), week(2, BOB, 15, 3), week(3, BOB, 15, 3));

        TrustInLeaderPool.Pooled pool =
                TrustInLeaderPool.latest(start.plus(3), weeks, 3).orElseThrow();

        assertThat(pool.leader()).contains(BOB);
        assertThat(pool.mean().getAsDouble()).as("Ann's weeks left out").isEqualTo(5.0);
        assertThat(pool.scores()).isEqualTo(6);
    }

    @Test
    void nothingStoredForTheBlockShowsNothing() {
        assertThat(TrustInLeaderPool.latest(start.plus(3), List.of(week(4, ANN, 9, 3)), 3))
                .isEmpty();
    }

    @Test
    void theCloseSplitsTrustInTheLeaderOutOfTheWeeklyTrustAndKeepsOnlyItsAggregate() {
        WeekId w = start;
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer(1, w, Dimension.TRUST, "felt", Role.MEMBER, 4, Optional.empty()));
        answers.add(new Answer(1, w, Dimension.TRUST, "inLeader", Role.MEMBER, 2, Optional.empty()));
        answers.add(
                new Answer(1, w, Dimension.TRUST, "newcomer", Role.MEMBER, OptionalInt.of(5), Optional.empty(), false));
        answers.add(new Answer(1, w, Dimension.TRUST, "gone", Role.MEMBER, 1, Optional.empty()));
        answers.add(new Answer(1, w, Dimension.TRUST, "lead", Role.LEADER, 5, Optional.empty()));
        answers.add(new Answer(1, w, Dimension.VISION, "inLeader", Role.MEMBER, 3, Optional.empty()));

        TrustInLeaderSplit split = TrustInLeaderSplit.of(
                answers,
                p -> switch (p) {
                    case "felt" -> giver(2, "tFelt");
                    case "inLeader" -> giver(5, "tIn");
                    case "newcomer" -> giver(5, "tNew");
                    case "lead" -> giver(4, "tLead");
                    default -> Optional.empty();
                },
                Set.of());

        assertThat(split.sum()).isEqualTo(7);
        assertThat(split.scores()).isEqualTo(2);
        assertThat(split.counted()).as("the newcomer is averaged, not counted").isEqualTo(1);
        assertThat(split.weekly())
                .filteredOn(a -> a.dimension() == Dimension.TRUST && a.respondent() == Role.MEMBER)
                .as("only felt trust keeps its score; the others took part, as can't say")
                .extracting(a -> a.pseudonym() + ":" + a.score())
                .containsExactly(
                        "felt:OptionalInt[4]",
                        "inLeader:OptionalInt.empty",
                        "newcomer:OptionalInt.empty",
                        "gone:OptionalInt.empty");
        assertThat(split.weekly())
                .as("a leader's self-check and other dimensions are untouched")
                .contains(answers.get(4), answers.get(5));
        assertThat(split.givers())
                .as("the pooled givers, to keep with the block")
                .containsExactly("tIn", "tNew");
    }

    @Test
    void aGiverAlreadyInTheBlocksPoolIsNotPooledAgainEvenUnderARetiredKey() {
        WeekId w = start.plus(2);
        List<Answer> answers = List.of(
                new Answer(1, w, Dimension.TRUST, "again", Role.MEMBER, 1, Optional.empty()),
                new Answer(1, w, Dimension.TRUST, "rotated", Role.MEMBER, 1, Optional.empty()),
                new Answer(1, w, Dimension.TRUST, "first", Role.MEMBER, 5, Optional.empty()));

        TrustInLeaderSplit split = TrustInLeaderSplit.of(
                answers,
                p -> switch (p) {
                    case "again" -> giver(4, "tAgain");
                    case "rotated" -> Optional.of(new TrustInLeaderSplit.Giver(6, List.of("tNewKey", "tOldKey")));
                    default -> giver(5, "tFirst");
                },
                Set.of("tAgain", "tOldKey"));

        assertThat(split.sum()).isEqualTo(5);
        assertThat(split.counted()).isEqualTo(1);
        assertThat(split.givers()).containsExactly("tFirst");
        assertThat(split.weekly())
                .as("the unpooled answers still took part, as can't say")
                .hasSize(3)
                .allMatch(Answer::cantSay);
    }

    private static Optional<TrustInLeaderSplit.Giver> giver(int trustItem, String token) {
        return Optional.of(new TrustInLeaderSplit.Giver(trustItem, List.of(token)));
    }
}
