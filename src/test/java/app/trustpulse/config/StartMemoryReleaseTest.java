package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;

class StartMemoryReleaseTest {

    @Test
    void aReadyServiceMakesOneFullCollection() {
        long before = fullCollections();

        release();

        assertThat(fullCollections()).isGreaterThan(before);
    }

    @Test
    void theHeapsFreeShareBoundsAreWhatTheyWereAfterwards() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String min = hotSpot.getVMOption("MinHeapFreeRatio").getValue();
        String max = hotSpot.getVMOption("MaxHeapFreeRatio").getValue();

        release();

        assertThat(hotSpot.getVMOption("MinHeapFreeRatio").getValue()).isEqualTo(min);
        assertThat(hotSpot.getVMOption("MaxHeapFreeRatio").getValue()).isEqualTo(max);
    }

    @Test
    void itComesAfterTheOtherListenersOfTheReadyEvent() {
        assertThat(new StartMemoryRelease().getOrder()).isEqualTo(Ordered.LOWEST_PRECEDENCE);
    }

    private static void release() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new StartMemoryRelease()
                    .onApplicationEvent(
                            new ApplicationReadyEvent(new SpringApplication(), new String[0], context, Duration.ZERO));
        }
    }

    /** Collections of the old generation, which only a full collection makes (G1's young ones are counted apart). */
    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> gc.getName().contains("Old") || gc.getName().contains("MarkSweep"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }
}
