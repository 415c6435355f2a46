package app.trustpulse.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's clock, running a whole number of weeks ahead of the real one when the playground's "Next week" moved
 * it on. Installed only where the playground is alone (no Slack or Teams configured), so a real team's weeks never
 * move; with no weeks ahead it is the real clock.
 */
final class PlaygroundClock extends Clock {

    private final Clock real;
    private final AtomicInteger weeksAhead;

    PlaygroundClock(Clock real) {
        this(real, new AtomicInteger());
    }

    private PlaygroundClock(Clock real, AtomicInteger weeksAhead) {
        this.real = real;
        this.weeksAhead = weeksAhead;
    }

    int weeksAhead() {
        return weeksAhead.get();
    }

    void weeksAhead(int weeks) {
        if (weeks < 0) {
            throw new IllegalArgumentException("the playground's calendar never runs behind today");
        }
        weeksAhead.set(weeks);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(Duration.ofDays(7L * weeksAhead.get()));
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new PlaygroundClock(real.withZone(zone), weeksAhead);
    }
}
