package app.trustpulse.slack;

import app.trustpulse.doctor.Finding;
import app.trustpulse.doctor.SlackCheck;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The doctor's Slack checks: the scopes the bot token was granted (Slack names them in the {@code x-oauth-scopes}
 * header of {@code auth.test}) against those the service uses ({@link SlackScopes}), and, over Socket Mode, whether
 * the connection is open.
 */
final class SlackDoctor implements SlackCheck {

    static final String SCOPES_HEADER = "x-oauth-scopes";
    private static final Set<String> REFUSALS = Set.of(
            "invalid_auth",
            "not_authed",
            "token_revoked",
            "token_expired",
            "account_inactive",
            "not_allowed_token_type");

    private final Slack slack;
    private final SlackMode mode;
    private final BotTokens tokens;
    private final Supplier<Optional<SlackSocketMode>> socketMode;

    SlackDoctor(Slack slack, SlackMode mode, BotTokens tokens, Supplier<Optional<SlackSocketMode>> socketMode) {
        this.slack = slack;
        this.mode = mode;
        this.tokens = tokens;
        this.socketMode = socketMode;
    }

    @Override
    public Optional<Finding> scopes(Optional<String> workspaceId) {
        if (mode == SlackMode.MULTI_WORKSPACE && workspaceId.isEmpty()) {
            // Many workspaces: the one asking is checked; without one there is no token to look at.
            return Optional.empty();
        }
        String token = tokens.tokenFor(workspaceId.orElse(""));
        AuthTestResponse r;
        try {
            r = slack.methods().authTest(q -> q.token(token));
        } catch (SlackApiException e) {
            return Optional.of(Finding.fix(
                    "doctor.slackScopes.unknown", "HTTP " + e.getResponse().code()));
        } catch (IOException e) {
            return Optional.of(
                    Finding.fix("doctor.slackScopes.unknown", e.getClass().getSimpleName()));
        }
        if (!r.isOk()) {
            return Optional.of(Finding.fix(
                    REFUSALS.contains(r.getError()) ? "doctor.slackScopes.refused" : "doctor.slackScopes.unknown",
                    r.getError()));
        }
        Optional<String> granted = header(r.getHttpResponseHeaders(), SCOPES_HEADER);
        if (granted.isEmpty()) {
            return Optional.of(Finding.fix("doctor.slackScopes.unknown", "no " + SCOPES_HEADER));
        }
        Set<String> missing = SlackScopes.missing(granted.get());
        return Optional.of(
                missing.isEmpty()
                        ? Finding.ok("doctor.slackScopes.ok")
                        : Finding.fix("doctor.slackScopes.missing", String.join(", ", missing)));
    }

    @Override
    public Optional<Finding> socketMode() {
        return socketMode
                .get()
                .map(s -> s.connected() ? Finding.ok("doctor.socketMode.ok") : Finding.fix("doctor.socketMode.closed"));
    }

    private static Optional<String> header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null)
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
