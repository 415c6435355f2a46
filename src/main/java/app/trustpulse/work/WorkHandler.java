package app.trustpulse.work;

/**
 * Does one kind of durable work. A run that throws is retried later with back-off; a run cut short by a crash is
 * run again by another instance, so a handler checks what already happened before it repeats an effect.
 */
public interface WorkHandler {

    /** The kind this handler does, as queued through {@link app.trustpulse.pulse.WorkQueue}. */
    String kind();

    void run(String key, String data) throws Exception;

    /** Higher runs first among work that is due: answers to people before fan-out. */
    default int priority() {
        return 0;
    }
}
