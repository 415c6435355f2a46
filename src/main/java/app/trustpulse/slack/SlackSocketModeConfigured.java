package app.trustpulse.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Socket Mode is on when the app-level token {@code SLACK_APP_TOKEN} is set (and not blank). */
class SlackSocketModeConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("slack.app-token", String.class)
                .map(SlackProperties::isSet)
                .orElse(false);
    }

    /** The request URL {@code /slack/events}, for when Socket Mode is off. */
    static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new SlackSocketModeConfigured().matches(context, metadata);
        }
    }
}
