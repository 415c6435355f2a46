package app.trustpulse.pulse;

/**
 * A sender's claim on one message to deliver (a check-in, a reminder, a week step, a welcome): the delivery id to
 * tag the message with, made once and kept across claims, and whether it was tried before, in which case the
 * platform adapter first looks whether the earlier try landed.
 */
public record DeliveryClaim(String deliveryId, boolean triedBefore) {}
