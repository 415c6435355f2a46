package app.trustpulse.playground;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;

/**
 * The playground's week: today's, or as many weeks later as "Next week" was clicked. The number is kept in the
 * database, so it survives a restart and every instance reads the same one, and it is set on the service's clock
 * ({@link PlaygroundClock}). Beside a real platform the clock is the real one and the week does not move.
 */
final class PlaygroundCalendar implements SmartInitializingSingleton {

    private final PlaygroundStore store;
    private final Optional<PlaygroundClock> clock;

    PlaygroundCalendar(PlaygroundStore store, Clock clock) {
        this.store = store;
        this.clock = clock instanceof PlaygroundClock c ? Optional.of(c) : Optional.empty();
    }

    /** Once the database is migrated: the week the playground was left in. */
    @Override
    public void afterSingletonsInstantiated() {
        sync();
    }

    /** Takes over a move another instance made. */
    void sync() {
        clock.ifPresent(c -> c.weeksAhead(store.weeksAhead(Playground.WORKSPACE)));
    }

    /** Whether "Next week" can move the calendar: only where the playground is alone. */
    boolean movable() {
        return clock.isPresent();
    }

    int weeksAhead() {
        return clock.map(PlaygroundClock::weeksAhead).orElse(0);
    }

    /** One week on, for everything the service does. */
    int nextWeek() {
        PlaygroundClock c = clock.orElseThrow(
                () -> new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.calendar-fixed"));
        int next = store.weeksAhead(Playground.WORKSPACE) + 1;
        store.weeksAhead(Playground.WORKSPACE, next);
        c.weeksAhead(next);
        return next;
    }

    /** Back to today's week; the stored number goes with the rest of the playground (see PlaygroundStore#clear). */
    void today() {
        clock.ifPresent(c -> c.weeksAhead(0));
    }
}
