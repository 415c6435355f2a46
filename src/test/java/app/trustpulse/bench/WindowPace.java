package app.trustpulse.bench;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The least a bare client needs to keep to one tenant's or workspace's limit: at most {@code count} calls in any
 * {@code window}, as the receiver counts them. A call counts from when it is let through until one window after its
 * answer: the receiver took it somewhere between the two, so counting from the answer keeps the window clear of it
 * however long it was on the way. A caller over the limit waits.
 */
public final class WindowPace {

    private final int count;
    private final long windowMillis;
    private final Deque<Long> answered = new ArrayDeque<>();
    private int inFlight;

    public WindowPace(int count, Duration window) {
        this.count = count;
        this.windowMillis = window.toMillis();
    }

    /** Blocks until one more call keeps to the limit, and counts it; {@link #done()} once it is answered. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = System.nanoTime() / 1_000_000;
            while (!answered.isEmpty() && answered.peekFirst() <= now - windowMillis) {
                answered.pollFirst();
            }
            if (answered.size() + inFlight < count) {
                inFlight++;
                return;
            }
            // Full with calls in flight only: the first answer wakes this up.
            wait(answered.isEmpty() ? 0 : answered.peekFirst() + windowMillis - now + 1);
        }
    }

    /** The call let through last by {@link #acquire()} was answered (or failed). */
    public synchronized void done() {
        inFlight--;
        answered.addLast(System.nanoTime() / 1_000_000);
        notifyAll();
    }
}
