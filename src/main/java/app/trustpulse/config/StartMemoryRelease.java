package app.trustpulse.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Once the service is ready, gives back to the system the memory its start needed and an idle service does not: one
 * full collection that shrinks the heap to what is live and some room, and a trim of the C heap, which keeps what
 * class loading and compiling freed. G1 gives heap back only after a full or a concurrent collection, and then only
 * down to where 70 % of it is free; an idle service, whose work comes a few times a week, makes no such collection for
 * hours and holds the heap its start grew to all that time (see docs/performance.md, "Start and memory").
 *
 * <p>The service's start ({@code Application.main}) adds it, so test contexts do not collect. It runs last among the
 * listeners of the ready event, before the service reports itself ready. {@code -XX:+DisableExplicitGC} in
 * {@code JAVA_TOOL_OPTIONS} leaves out the collection; a JVM that cannot trim (other than Linux, or older than
 * 17.0.9) skips that.
 */
public final class StartMemoryRelease implements ApplicationListener<ApplicationReadyEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(StartMemoryRelease.class);
    private static final String MIN_FREE = "MinHeapFreeRatio";
    private static final String MAX_FREE = "MaxHeapFreeRatio";
    /** The collectors that only full collections count in: G1's, the serial and the parallel collector's. */
    private static final Set<String> FULL_COLLECTORS = Set.of("G1 Old Generation", "MarkSweepCompact", "PS MarkSweep");

    private static final int ATTEMPTS = 10;
    private static final Duration RETRY_AFTER = Duration.ofMillis(50);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = memory.getHeapMemoryUsage().getCommitted();
        collectShrinkingTheHeap();
        long after = memory.getHeapMemoryUsage().getCommitted();
        LOG.info(
                "Started: gave back the memory the start needed, heap {} MB (was {} MB){}",
                after >> 20,
                before >> 20,
                trimNativeHeap());
    }

    /**
     * A full collection with the heap's upper free share bound (MaxHeapFreeRatio, 70 % unless set) lowered to its lower
     * one (MinHeapFreeRatio, 40 %) for that one collection: G1 then shrinks the heap to where 40 % of it is free, room
     * enough that the next allocations need not grow it at once. The JVM lets a running program set these two bounds
     * for just this.
     */
    private static void collectShrinkingTheHeap() {
        HotSpotDiagnosticMXBean hotSpot;
        String max;
        try {
            hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            max = hotSpot.getVMOption(MAX_FREE).getValue();
            hotSpot.setVMOption(MAX_FREE, hotSpot.getVMOption(MIN_FREE).getValue());
        } catch (IllegalArgumentException e) {
            LOG.debug("The heap's free share bounds stay as they are on this JVM", e);
            collectFully();
            return;
        }
        try {
            collectFully();
        } finally {
            hotSpot.setVMOption(MAX_FREE, max);
        }
    }

    /**
     * {@code System.gc()} until a full collection has been made, a few times at most: while another thread is in a
     * JNI critical section (unzipping a class from a jar, say) the JVM drops the request without collecting.
     */
    private static void collectFully() {
        List<GarbageCollectorMXBean> full = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> FULL_COLLECTORS.contains(gc.getName()))
                .toList();
        long before = count(full);
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            System.gc();
            if (full.isEmpty() || count(full) > before) {
                return;
            }
            try {
                Thread.sleep(RETRY_AFTER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.debug("The JVM put off the full collection {} times", ATTEMPTS);
    }

    private static long count(List<GarbageCollectorMXBean> collectors) {
        return collectors.stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    /** What the JVM says it trimmed, after a comma; nothing where it cannot trim. */
    private static String trimNativeHeap() {
        try {
            Object said = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "systemTrimNativeHeap",
                            new Object[0],
                            new String[0]);
            return said == null ? "" : ", " + said.toString().strip();
        } catch (JMException | RuntimeException e) {
            LOG.debug("No trim of the C heap on this JVM", e);
            return "";
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
