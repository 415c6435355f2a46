package app.trustpulse.slack;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Slack is on as soon as any of its credentials is set; {@link SlackMode#of} then insists on a complete set.
 * With none set, the adapter adds no beans and no endpoint.
 */
class SlackConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        return binder.bind("slack.bot-token", String.class).map(SlackProperties::isSet).orElse(false)
                || binder.bind("slack.signing-secret", String.class).map(SlackProperties::isSet).orElse(false)
                || binder.bind("slack.client-id", String.class).map(SlackProperties::isSet).orElse(false)
                || binder.bind("slack.client-secret", String.class).map(SlackProperties::isSet).orElse(false)
                || binder.bind("slack.app-token", String.class).map(SlackProperties::isSet).orElse(false);
    }
}
