package app.trustpulse.teams;

import app.trustpulse.pulse.WorkQueue;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messaging endpoint Azure Bot Service posts Teams activities to. The body is read as text and turned into an
 * {@link Activity} with the SDK's own (Jackson 2) serializer; the token is checked before anything happens. An
 * authenticated activity of the right shape ({@link ActivityShape}) is written to the durable queue and acknowledged;
 * {@link TeamsActivityWork} handles it. Whatever is not an activity is refused with 400, never stored.
 */
@RestController
@Conditional(TeamsSwitch.class)
class TeamsController {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsController.class);

    private final ActivityAuthenticator authenticator;
    private final PulseActivities activities;
    private final WorkQueue work;
    private final TransactionTemplate transactions;
    private final JacksonAdapter serializer = new JacksonAdapter();
    private final ActivityShape shape = new ActivityShape();

    TeamsController(
            ActivityAuthenticator authenticator,
            PulseActivities activities,
            WorkQueue work,
            ObjectProvider<TransactionTemplate> transactions) {
        this.authenticator = authenticator;
        this.activities = activities;
        this.work = work;
        this.transactions = transactions.getIfAvailable();
    }

    @PostMapping(path = "/api/messages", consumes = "application/json")
    public ResponseEntity<String> messages(
            @RequestBody String body,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        JsonNode tree;
        Activity activity;
        try {
            tree = serializer.serializer().readTree(body);
            activity = tree != null && tree.isObject() ? serializer.deserialize(body, Activity.class) : null;
        } catch (IOException | RuntimeException e) {
            tree = null;
            activity = null;
        }
        if (activity == null || activity.getType() == null) {
            // Nobody has shown a token yet: no warning for what anyone can send.
            LOG.info("Teams request refused (400): not an activity");
            return badRequest("not an activity");
        }
        Optional<String> unfit = shape.tokenInputsProblem(tree);
        if (unfit.isPresent()) {
            LOG.info("Teams request refused (400): {}", unfit.get());
            return badRequest(unfit.get());
        }
        if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
            activity.getRecipient().setRole(RoleTypes.BOT);
        }
        if (!authenticator.authenticated(activity, authorization)) {
            return ResponseEntity.status(401).build();
        }
        // Names fields only: the activity may hold what a person wrote, which stays out of the log.
        Optional<String> problem = shape.problem(tree);
        if (problem.isPresent()) {
            LOG.warn("Teams activity refused (400): {}", problem.get());
            return badRequest(problem.get());
        }
        // Stored before the 200, handled from the queue: an activity Teams resends has the same id and is queued once.
        // The seen-mark and the work commit together, or a resend after a failed store would be taken for a duplicate.
        Activity seen = activity;
        if (transactions == null) {
            queue(seen, body);
        } else {
            transactions.executeWithoutResult(status -> queue(seen, body));
        }
        return ResponseEntity.ok().build();
    }

    private void queue(Activity activity, String body) {
        if (!activities.firstTime(activity)) {
            return;
        }
        String key = activity.getId() != null
                ? "activity:" + activity.getId()
                : UUID.randomUUID().toString();
        work.enqueue(TeamsActivityWork.KIND, key, body);
    }

    private static ResponseEntity<String> badRequest(String problem) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("malformed activity: " + problem);
    }
}
