package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.work.WorkHandler;

/** A check-in whose delivery failed, tried again with back-off while its week is open. */
final class CheckInRetryWork implements WorkHandler {

    private final CheckIns sending;

    CheckInRetryWork(CheckIns sending) {
        this.sending = sending;
    }

    @Override
    public String kind() {
        return CheckIns.RETRY_KIND;
    }

    @Override
    public void run(String key, String data) {
        CheckIns.Delivery d = sending.retry(Long.parseLong(key));
        if (d == CheckIns.Delivery.FAILED || d == CheckIns.Delivery.IN_FLIGHT) {
            throw new IllegalStateException("check-in " + key + " not delivered yet (" + d + ")");
        }
    }
}
