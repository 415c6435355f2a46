package app.trustpulse.chat;

/** A message could not be delivered, even after the adapter's own retries. */
public class ChatDeliveryException extends RuntimeException {

    public ChatDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public ChatDeliveryException(String message) {
        super(message);
    }
}
