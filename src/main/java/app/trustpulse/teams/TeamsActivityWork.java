package app.trustpulse.teams;

import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkHandler;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import java.time.Clock;

/**
 * Handles an authenticated activity taken from the durable queue: Teams got its 200 as soon as the activity was
 * stored, so a setup for 150 people or a send-now never holds Teams' request open.
 */
final class TeamsActivityWork implements WorkHandler {

    static final String KIND = "teams-activity";

    private final PulseActivities activities;
    private final DeliveryAttempts attempts;
    private final Clock clock;
    private final JacksonAdapter serializer = new JacksonAdapter();

    TeamsActivityWork(PulseActivities activities, DeliveryAttempts attempts, Clock clock) {
        this.activities = activities;
        this.attempts = attempts;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public void run(String key, String body) throws Exception {
        Activity activity = serializer.deserialize(body, Activity.class);
        if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
            activity.getRecipient().setRole(RoleTypes.BOT);
        }
        // A second run of the same activity means the first was cut short: its command must not start twice.
        boolean again = !attempts.firstTry(
                "teams-" + java.util.UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                clock.instant());
        activities.handle(key, activity, again);
    }
}
