package app.trustpulse.pulse;

import java.util.function.Supplier;

/**
 * A value worked out the first time it is asked for, by one thread, and kept: for what a round of sends needs once
 * (the same for everyone in it) while its sends run side by side.
 */
public final class Once<T> implements Supplier<T> {

    private Supplier<T> source;
    private T value;

    private Once(Supplier<T> source) {
        this.source = source;
    }

    public static <T> Once<T> of(Supplier<T> source) {
        return new Once<>(source);
    }

    @Override
    public synchronized T get() {
        if (source != null) {
            value = source.get();
            source = null;
        }
        return value;
    }
}
