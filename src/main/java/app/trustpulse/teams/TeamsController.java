package app.trustpulse.teams;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import app.trustpulse.pulse.WorkQueue;
import java.io.IOException;
import java.util.UUID;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging endpoint Azure Bot Service posts Teams activities to. The body is read as text and turned into an
 * {@link Activity} with the SDK's own (Jackson 2) serializer; the token is checked before anything happens. An
 * authenticated activity is written to the durable queue and acknowledged; {@link TeamsActivityWork} handles it.
 */
@RestController
@Conditional(TeamsSwitch.class)
class TeamsController {

    private final ActivityAuthenticator authenticator;
    private final PulseActivities activities;
    private final WorkQueue work;
    private final JacksonAdapter serializer = new JacksonAdapter();

    TeamsController(ActivityAuthenticator authenticator, PulseActivities activities, WorkQueue work) {
        this.authenticator = authenticator;
        this.activities = activities;
        this.work = work;
    }

    @PostMapping(path = "/api/messages", consumes = "application/json")
    public ResponseEntity<Void> messages(@RequestBody String body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Activity activity;
        try {
            activity = serializer.deserialize(body, Activity.class);
        } catch (IOException | RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        if (activity == null || activity.getType() == null) {
            return ResponseEntity.badRequest().build();
        }
        if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
            activity.getRecipient().setRole(RoleTypes.BOT);
        }
        if (!authenticator.authenticated(activity, authorization)) {
            return ResponseEntity.status(401).build();
        }
        // Stored before the 200, handled from the queue: an activity Teams resends has the same id and is queued once.
        if (!activities.firstTime(activity)) {
            return ResponseEntity.ok().build();
        }
        String key = activity.getId() != null ? "activity:" + activity.getId() : UUID.randomUUID().toString();
        work.enqueue(TeamsActivityWork.KIND, key, body);
        return ResponseEntity.ok().build();
    }
}
