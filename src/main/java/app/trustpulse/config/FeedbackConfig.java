package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.feedback.FeedbackConversations;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the conversation about released feedback.
 * Plain constructors: the core carries no Spring annotations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
public class FeedbackConfig {

    @Bean
    FeedbackConversations feedbackConversations(
            TeamRepository teams,
            MemberRepository members,
            FeedbackRepository feedback,
            FeedbackThreadRepository threads,
            Pseudonymizer pseudonyms,
            TextScrubber scrubber,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            FeedbackProperties properties) {
        return new FeedbackConversations(
                teams,
                members,
                feedback,
                threads,
                pseudonyms,
                scrubber,
                gateways,
                texts,
                clock,
                properties.conversation());
    }
}
