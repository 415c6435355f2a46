package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MissedTriggersTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Test
    void aTriggerFiredLateOnTheSameLocalDayStillCounts() {
        Instant scheduled = Instant.parse("2026-11-23T08:30:00Z"); // Monday 09:30 in Amsterdam
        assertThat(MissedTriggers.stillSameLocalDay(scheduled, Instant.parse("2026-11-23T22:59:00Z"), AMSTERDAM))
                .isTrue();
    }

    @Test
    void aTriggerThatComesBackOnALaterLocalDayIsSkippedEvenIfItIsStillThatDayInUtc() {
        Instant scheduled = Instant.parse("2026-11-23T08:30:00Z");
        // 23:30 UTC on Monday is already Tuesday in Amsterdam.
        assertThat(MissedTriggers.stillSameLocalDay(scheduled, Instant.parse("2026-11-23T23:30:00Z"), AMSTERDAM))
                .isFalse();
        assertThat(MissedTriggers.stillSameLocalDay(scheduled, Instant.parse("2026-11-25T08:30:00Z"), AMSTERDAM))
                .isFalse();
    }
}
