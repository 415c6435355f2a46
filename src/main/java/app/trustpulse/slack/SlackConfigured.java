package app.trustpulse.slack;

import app.trustpulse.config.ConfiguredPlatforms;
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
        return ConfiguredPlatforms.slack(context.getEnvironment());
    }
}
