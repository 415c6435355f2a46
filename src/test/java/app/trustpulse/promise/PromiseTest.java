package app.trustpulse.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromiseTest {

    private static final WeekId MADE = WeekId.parse("2026-W20");

    private static Promise promise(long id, Dimension focus, WeekId made, Optional<Instant> ended) {
        return new Promise(id, 1, "UL", focus, "I will ask for a dissenting view", made, Instant.EPOCH, ended);
    }

    @Test
    void theTeamIsAskedTwoWeeksLaterAndEverySecondWeekAfterWhileItLasts() {
        Promise p = promise(1, Dimension.SAFETY, MADE, Optional.empty());

        assertThat(p.askedIn(MADE)).isFalse();
        assertThat(p.askedIn(MADE.plus(1))).isFalse();
        assertThat(p.askedIn(MADE.plus(2))).isTrue();
        assertThat(p.askedIn(MADE.plus(3))).isFalse();
        assertThat(p.askedIn(MADE.plus(4))).isTrue();
        assertThat(promise(1, Dimension.SAFETY, MADE, Optional.of(Instant.EPOCH))
                        .askedIn(MADE.plus(2)))
                .isFalse();
    }

    @Test
    void askingCountsWeeksAcrossTheTurnOfTheYear() {
        Promise p = promise(1, Dimension.SAFETY, WeekId.parse("2026-W52"), Optional.empty());

        assertThat(p.askedIn(WeekId.parse("2026-W52").plus(2))).isTrue();
    }

    @Test
    void aPromiseNeedsWordsAndStaysShort() {
        assertThatThrownBy(() -> new Promise(0, 1, "UL", Dimension.TRUST, " ", MADE, Instant.EPOCH, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Promise(
                        0,
                        1,
                        "UL",
                        Dimension.TRUST,
                        "x".repeat(Promise.MAX_LENGTH + 1),
                        MADE,
                        Instant.EPOCH,
                        Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTrustAccountCountsFocusAreasAndThePromisesTheLatestShownCountSaysWereNoticed() {
        Promise safety = promise(1, Dimension.SAFETY, MADE, Optional.of(Instant.EPOCH));
        Promise safetyAgain = promise(2, Dimension.SAFETY, MADE.plus(3), Optional.empty());
        Promise trust = promise(3, Dimension.TRUST, MADE.plus(3), Optional.empty());
        Promise notAsked = promise(4, Dimension.VISION, MADE.plus(5), Optional.empty());
        List<Tally> tallies = List.of(
                new Tally(1, MADE.plus(2), Optional.of(new Tally.Counts(1, 0, 3, 0))),
                new Tally(1, MADE.plus(4), Optional.of(new Tally.Counts(3, 1, 1, 0))),
                new Tally(2, MADE.plus(5), Optional.of(new Tally.Counts(0, 1, 3, 0))),
                new Tally(3, MADE.plus(5), Optional.of(new Tally.Counts(2, 2, 0, 0))),
                new Tally(3, MADE.plus(7), Optional.empty()));

        TrustAccount account = TrustAccount.of(List.of(safety, safetyAgain, trust, notAsked), tallies);

        assertThat(account).isEqualTo(new TrustAccount(3, 4, 3, 2));
    }

    @Test
    void wordsFromAFormMayNameTheFocusBeforeAColon() {
        assertThat(PromiseWords.read("veiligheid: ik vraag om een tegengeluid", Optional.of(Dimension.TRUST)))
                .isEqualTo(new PromiseWords.Read(
                        Optional.of(Dimension.SAFETY), "ik vraag om een tegengeluid", Optional.empty()));
        assertThat(PromiseWords.read("Trust me, I will listen", Optional.of(Dimension.VISION)))
                .isEqualTo(new PromiseWords.Read(
                        Optional.of(Dimension.VISION), "Trust me, I will listen", Optional.empty()));
        assertThat(PromiseWords.read("Note: I will   listen", Optional.empty()))
                .isEqualTo(new PromiseWords.Read(Optional.empty(), "Note: I will listen", Optional.empty()));
        assertThat(PromiseWords.read("safety:  ", Optional.empty()).problem()).contains("promise.empty");
        assertThat(PromiseWords.read("x".repeat(Promise.MAX_LENGTH + 1), Optional.empty())
                        .problem())
                .contains("promise.tooLong");
    }
}
