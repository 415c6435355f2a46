package app.trustpulse.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the bare SDK rounds of the host benchmarks share: one post to every person of every workspace (or tenant)
 * from a pool of senders, and rounds before the measured one that warm up the JVM.
 */
public final class BareSenders {

    private BareSenders() {}

    /** Sends one post to a person: {@code member} of {@code workspace}, both counted from 0. */
    public interface Post {
        void send(int workspace, int member) throws Exception;
    }

    /** When the sends began ({@link System#nanoTime()}) and the CPU the whole JVM spent on them. */
    public record Sent(long startNanos, double cpuSeconds) {}

    /** One round of the bare client: when its workspaces finished, its CPU, its posts and their size. */
    public record Round(Finishes finishes, double cpuSeconds, int posted, long throttled, int bytesPerPost) {

        public double msPerPost() {
            return posted == 0 ? 0 : cpuSeconds * 1000 / posted;
        }
    }

    /** The measured round, and what the rounds before it took ("" without any). */
    public record Measured(Round round, String warmUps) {

        /**
         * The round's line of a report: its time against the floor of one {@code place} (a workspace, a tenant), the
         * spread of their finishes, the posts the fake counted of {@code expected}, and the CPU, with the warm-ups.
         */
        public String describe(String place, double floor, int expected) {
            return String.format(
                    Locale.ROOT,
                    "round %.1f s = %.2fx one %s's floor of %.1f s; %ss finished between %.1f s and %.1f s (spread %.1f"
                            + " s); posted %d of %d (counted by the fake); answered 429: %d; CPU %.1f s (whole JVM, the"
                            + " fake included), %.1f ms per post%s",
                    round.finishes().last(),
                    round.finishes().last() / floor,
                    place,
                    floor,
                    place,
                    round.finishes().first(),
                    round.finishes().last(),
                    round.finishes().last() - round.finishes().first(),
                    round.posted(),
                    expected,
                    round.throttled(),
                    round.cpuSeconds(),
                    round.msPerPost(),
                    warmUps.isEmpty() ? "" : "; warming up the JVM before it: " + warmUps);
        }
    }

    /**
     * Sends to everyone on {@code senders} threads and waits for every send: person by person across the workspaces,
     * so that every workspace's senders are busy from the start.
     */
    public static Sent sendToEveryone(int senders, int workspaces, int size, Post post) throws Exception {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "bare-sdk-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            double cpuBefore = ScaleProbe.cpuSeconds();
            long start = System.nanoTime();
            List<Future<?>> sends = new ArrayList<>();
            for (int m = 0; m < size; m++) {
                for (int w = 0; w < workspaces; w++) {
                    int workspace = w;
                    int member = m;
                    sends.add(pool.submit(() -> {
                        post.send(workspace, member);
                        return null;
                    }));
                }
            }
            for (Future<?> send : sends) {
                send.get();
            }
            return new Sent(start, ScaleProbe.cpuSeconds() - cpuBefore);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code warmUps} rounds, then the one measured. A fresh JVM spends much of a first round's CPU compiling the code
     * it runs; the service's rounds come after its start, and after these.
     */
    public static Measured measure(int warmUps, Callable<Round> round) throws Exception {
        StringBuilder warm = new StringBuilder();
        for (int i = 0; i < warmUps; i++) {
            Round w = round.call();
            warm.append(String.format(
                    Locale.ROOT,
                    "%s%.1f s, %.1f ms per post",
                    warm.isEmpty() ? "" : "; ",
                    w.finishes().last(),
                    w.msPerPost()));
        }
        return new Measured(round.call(), warm.toString());
    }
}
