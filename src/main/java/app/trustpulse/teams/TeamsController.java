package app.trustpulse.teams;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import java.io.IOException;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging endpoint Azure Bot Service posts Teams activities to. The body is read as text and turned into an
 * {@link Activity} with the SDK's own (Jackson 2) serializer; the token is checked before anything happens.
 */
@RestController
@Conditional(TeamsSwitch.class)
class TeamsController {

    private final ActivityAuthenticator authenticator;
    private final PulseActivities activities;
    private final JacksonAdapter serializer = new JacksonAdapter();

    TeamsController(ActivityAuthenticator authenticator, PulseActivities activities) {
        this.authenticator = authenticator;
        this.activities = activities;
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
        activities.handle(activity);
        return ResponseEntity.ok().build();
    }
}
