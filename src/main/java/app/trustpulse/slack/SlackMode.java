package app.trustpulse.slack;

import static app.trustpulse.slack.SlackProperties.isSet;

import java.util.ArrayList;
import java.util.List;

/** How the app is installed: one workspace with a fixed bot token, or any number through OAuth. */
enum SlackMode {
    SINGLE_WORKSPACE,
    MULTI_WORKSPACE;

    /** The mode the settings describe; a half-finished or mixed configuration stops the service with the reason. */
    static SlackMode of(SlackProperties p) {
        boolean oauth = isSet(p.clientId()) || isSet(p.clientSecret());
        if (isSet(p.botToken()) && oauth) {
            throw new IllegalStateException("Slack: set either SLACK_BOT_TOKEN (single workspace) or SLACK_CLIENT_ID"
                    + " and SLACK_CLIENT_SECRET (multi-workspace), not both");
        }
        if (p.socketMode() && !p.appToken().trim().startsWith("xapp-")) {
            throw new IllegalStateException("Slack: SLACK_APP_TOKEN must be an app-level token (xapp-…) with the"
                    + " connections:write scope, from the app's Basic Information page");
        }
        List<String> missing = new ArrayList<>();
        // Over Socket Mode nothing arrives at a request URL, so there is no signature to check.
        if (!isSet(p.signingSecret()) && !p.socketMode()) {
            missing.add("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)");
        }
        if (oauth) {
            if (!isSet(p.clientId())) {
                missing.add("SLACK_CLIENT_ID");
            }
            if (!isSet(p.clientSecret())) {
                missing.add("SLACK_CLIENT_SECRET");
            }
            if (!isSet(p.tokenEncryptionKey())) {
                missing.add("SLACK_TOKEN_ENCRYPTION_KEY");
            }
        } else if (!isSet(p.botToken())) {
            missing.add("SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Slack is partly configured; missing: " + String.join(", ", missing));
        }
        return oauth ? MULTI_WORKSPACE : SINGLE_WORKSPACE;
    }
}
