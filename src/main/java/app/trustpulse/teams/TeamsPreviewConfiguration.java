package app.trustpulse.teams;

import app.trustpulse.chat.MessagePreview;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Adaptive Card preview of a message, for the playground; there whether or not Teams itself is switched on. */
@Configuration(proxyBeanMethods = false)
public class TeamsPreviewConfiguration {

    @Bean
    public MessagePreview teamsMessagePreview() {
        return new AdaptiveCardPreview();
    }
}
