package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WorkspacePostPaceTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void postsToOneWorkspaceAreSpacedAtItsShareOfSixHundredAMinute() {
        WorkspacePostPace pace = new WorkspacePostPace(1.0, now::get);
        assertThat(pace.reserve("T1")).isEqualTo(Duration.ZERO);
        assertThat(pace.reserve("T1")).isEqualTo(Duration.ofMillis(100));
        assertThat(pace.reserve("T1")).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void anotherWorkspaceNeverWaitsBehindTheFirstOnesBacklog() {
        WorkspacePostPace pace = new WorkspacePostPace(1.0, now::get);
        for (int i = 0; i < 50; i++) {
            pace.reserve("T1");
        }
        assertThat(pace.reserve("T2")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aWorkspaceIdleForAWhileSendsAtOnceAndTheShareOfTwoInstancesHalvesThePace() {
        WorkspacePostPace pace = new WorkspacePostPace(0.5, now::get);
        pace.reserve("T1");
        assertThat(pace.reserve("T1")).isEqualTo(Duration.ofMillis(200));
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(pace.reserve("T1")).isEqualTo(Duration.ZERO);
    }
}
