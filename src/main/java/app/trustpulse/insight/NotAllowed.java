package app.trustpulse.insight;

/** The viewer may not see this team, or may not do this to it. */
public final class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}
