package app.trustpulse.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyingRetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-05T03:17:00Z");

    @Test
    void theDailyRunClosesFeedbackThreadsWhoseTimeIsUpAtThisMoment() {
        List<Instant> closedAt = new ArrayList<>();
        RetentionStore store = new RetentionStore() {
            @Override
            public Purged purge(WeekId answersBefore, WeekId checkInsBefore, Instant operationalBefore) {
                return new Purged(0, 0, 0, 0, 0);
            }

            @Override
            public int closeFeedbackThreads(Instant now) {
                closedAt.add(now);
                return 2;
            }
        };

        new ApplyingRetention(
                        store,
                        new RetentionPolicy(Period.ofYears(2), Period.ofWeeks(26), Duration.ofDays(30)),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .apply();

        assertThat(closedAt).containsExactly(NOW);
    }
}
