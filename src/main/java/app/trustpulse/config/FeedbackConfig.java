package app.trustpulse.config;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.feedback.FeedbackConversations;
import app.trustpulse.feedback.FeedbackModule;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.security.SecureRandom;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of feedback: the feedback module puts itself together ({@link FeedbackModule}); this hands it what it needs
 * and offers the conversation about released feedback, the release the week close runs and the scrubber that takes
 * names out of free text.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
public class FeedbackConfig {

    @Bean
    FeedbackModule feedbackModule(
            TeamRepository teams,
            MemberRepository members,
            FeedbackRepository feedback,
            FeedbackThreadRepository threads,
            ChatGateways gateways,
            FeedbackProperties properties,
            Pseudonymizer pseudonyms,
            Texts texts,
            Clock clock) {
        return new FeedbackModule(
                new FeedbackModule.Stores(teams, members, feedback, threads),
                new FeedbackModule.Outside(gateways, properties.conversation(), new SecureRandom()),
                pseudonyms,
                texts,
                clock);
    }

    @Bean
    TextScrubber textScrubber(FeedbackModule feedback) {
        return feedback.textScrubber();
    }

    @Bean
    FeedbackRelease feedbackRelease(FeedbackModule feedback) {
        return feedback.feedbackRelease();
    }

    @Bean
    FeedbackConversations feedbackConversations(FeedbackModule feedback) {
        return feedback.feedbackConversations();
    }
}
