package app.trustpulse.teams;

import app.trustpulse.config.ConfiguredPlatforms;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Teams is on when an app id is configured, or when unauthenticated use (the Bot Framework Emulator) is switched
 * on explicitly. Otherwise the adapter registers nothing.
 */
class TeamsSwitch implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isOn(context.getEnvironment());
    }

    static boolean isOn(Environment env) {
        return ConfiguredPlatforms.teams(env);
    }
}
