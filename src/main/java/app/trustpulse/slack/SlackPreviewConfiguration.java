package app.trustpulse.slack;

import app.trustpulse.chat.MessagePreview;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Block Kit preview of a message, for the playground; there whether or not Slack itself is switched on. */
@Configuration(proxyBeanMethods = false)
public class SlackPreviewConfiguration {

    @Bean
    public MessagePreview slackMessagePreview() {
        return new BlockKitPreview();
    }
}
