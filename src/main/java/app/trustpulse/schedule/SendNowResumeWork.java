package app.trustpulse.schedule;

import app.trustpulse.checkin.SendingCheckIns;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.work.WorkHandler;

/** Finishes a send-now whose instance died, once its lease has run out; tried again with back-off until then. */
final class SendNowResumeWork implements WorkHandler {

    private final SendingCheckIns sending;

    SendNowResumeWork(SendingCheckIns sending) {
        this.sending = sending;
    }

    @Override
    public String kind() {
        return SendingCheckIns.RESUME_KIND;
    }

    @Override
    public void run(String key, String data) {
        int colon = key.indexOf(':');
        if (!sending.resumeSendNow(Long.parseLong(key.substring(0, colon)), WeekId.parse(key.substring(colon + 1)))) {
            throw new IllegalStateException("send-now " + key + " still held or not all sent; tried again later");
        }
    }
}
