package app.trustpulse.doctor;

import java.util.Optional;

/** Port: the Slack side of an install. Empty answers where Slack is off or a check does not apply. */
public interface SlackCheck {

    SlackCheck OFF = new SlackCheck() {
        @Override
        public Optional<Finding> scopes(Optional<String> workspaceId) {
            return Optional.empty();
        }

        @Override
        public Optional<Finding> socketMode() {
            return Optional.empty();
        }
    };

    /** Whether the bot token (of this workspace, or the only one) was granted every scope the service uses. */
    Optional<Finding> scopes(Optional<String> workspaceId);

    /** Over Socket Mode: whether the connection is open. Empty with a public request URL. */
    Optional<Finding> socketMode();
}
