package app.trustpulse.playground;

import app.trustpulse.config.ConfiguredPlatforms;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The playground is on by itself only where it belongs: on a machine without Slack or Teams. Beside a real platform
 * it is off unless {@code PULSE_PLAYGROUND_ENABLED=true} says otherwise; {@code false} switches it off everywhere.
 */
class PlaygroundSwitch implements Condition {

    static final String PROPERTY = "pulse.playground.enabled";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isOn(context.getEnvironment());
    }

    static boolean isOn(Environment env) {
        Boolean explicit = env.getProperty(PROPERTY, Boolean.class);
        return explicit != null ? explicit : ConfiguredPlatforms.names(env).isEmpty();
    }
}
