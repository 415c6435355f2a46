package app.trustpulse.chat;

/**
 * A send that was on its way when its thread was interrupted (the instance is stopping): the platform may still take
 * it. Its sender keeps the claim rather than release it, so the send is taken back only once this instance is found
 * dead, by a sender that first looks for it in the conversation, where it has landed by then if it landed at all.
 */
public final class DeliveryCutShort extends ChatDeliveryException {

    public DeliveryCutShort(String message, Throwable cause) {
        super(message, cause);
    }
}
