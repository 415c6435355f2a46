package app.trustpulse.schedule;

import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.work.WorkHandler;

/** A check-in whose delivery failed, tried again with back-off while its week is open. */
final class CheckInRetryWork implements WorkHandler {

    private final SendingCheckIns sending;

    CheckInRetryWork(SendingCheckIns sending) {
        this.sending = sending;
    }

    @Override
    public String kind() {
        return SendingCheckIns.RETRY_KIND;
    }

    @Override
    public void run(String key, String data) {
        SendingCheckIns.Delivery d = sending.retry(Long.parseLong(key));
        if (d == SendingCheckIns.Delivery.FAILED || d == SendingCheckIns.Delivery.IN_FLIGHT) {
            throw new IllegalStateException("check-in " + key + " not delivered yet (" + d + ")");
        }
    }
}
