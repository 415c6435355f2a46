package app.trustpulse.schedule;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.work.WorkHandler;

/**
 * Finishes a send-now whose instance died, once that instance is found dead; tried again with back-off while check-ins
 * are still held by it or failed.
 */
final class SendNowResumeWork implements WorkHandler {

    private final CheckIns sending;

    SendNowResumeWork(CheckIns sending) {
        this.sending = sending;
    }

    @Override
    public String kind() {
        return CheckIns.RESUME_KIND;
    }

    @Override
    public void run(String key, String data) {
        int colon = key.indexOf(':');
        if (!sending.resumeSendNow(Long.parseLong(key.substring(0, colon)), WeekId.parse(key.substring(colon + 1)))) {
            throw new IllegalStateException("send-now " + key + " not all sent; tried again later");
        }
    }
}
