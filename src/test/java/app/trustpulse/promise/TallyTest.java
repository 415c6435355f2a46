package app.trustpulse.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TallyTest {

    private static final WeekId WEEK = WeekId.parse("2026-W20");

    private static List<NoticedAnswer> answers(Noticed... given) {
        List<NoticedAnswer> all = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            all.add(new NoticedAnswer(1, WEEK, 7, "p" + i, given[i], true));
        }
        return all;
    }

    @Test
    void belowTheThresholdNoCountIsKeptAtAll() {
        Tally t = Tally.of(7, WEEK, answers(Noticed.YES, Noticed.NO), 3);

        assertThat(t.withheld()).isTrue();
        assertThat(t.counts()).isEmpty();
    }

    @Test
    void atTheThresholdTheCountsAreKept() {
        Tally t = Tally.of(7, WEEK, answers(Noticed.YES, Noticed.PARTLY, Noticed.NO, Noticed.CANT_SAY), 3);

        assertThat(t.counts()).contains(new Tally.Counts(1, 1, 1, 1));
        assertThat(t.counts().get().noticed()).isTrue();
    }

    @Test
    void cantSayDoesNotHelpReachTheThreshold() {
        Tally t = Tally.of(7, WEEK, answers(Noticed.YES, Noticed.YES, Noticed.CANT_SAY, Noticed.CANT_SAY), 3);

        assertThat(t.withheld()).isTrue();
    }

    @Test
    void someoneWhoJoinedThisWeekIsCountedButDoesNotHelpReachTheThreshold() {
        List<NoticedAnswer> given = new ArrayList<>(answers(Noticed.YES, Noticed.NO));
        given.add(new NoticedAnswer(1, WEEK, 7, "newcomer", Noticed.YES, false));

        assertThat(Tally.of(7, WEEK, given, 3).withheld()).isTrue();
        given.add(new NoticedAnswer(1, WEEK, 7, "old hand", Noticed.NO, true));
        assertThat(Tally.of(7, WEEK, given, 3).counts()).contains(new Tally.Counts(2, 0, 2, 0));
    }

    @Test
    void aPromiseIsNoticedWhenMoreSawItThanDidNot() {
        assertThat(new Tally.Counts(1, 1, 2, 0).noticed()).isFalse();
        assertThat(new Tally.Counts(1, 2, 2, 5).noticed()).isTrue();
    }

    @Test
    void refusesAThresholdBelowTheMinimumAndAnswersOfAnotherPromise() {
        assertThatThrownBy(() -> Tally.of(7, WEEK, answers(Noticed.YES), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Tally.of(8, WEEK, answers(Noticed.YES), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
