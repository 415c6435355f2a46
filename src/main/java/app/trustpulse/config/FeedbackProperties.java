package app.trustpulse.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the conversation about released feedback (prefix "pulse.feedback", e.g. env
 * PULSE_FEEDBACK_CONVERSATION_DAYS=14).
 *
 * @param conversationDays how many days after a leader first answers, thanks or says "we're on it" the writer may
 *                         answer back; then the conversation closes and the way back to the writer is destroyed
 */
@ConfigurationProperties("pulse.feedback")
public record FeedbackProperties(@DefaultValue("14") int conversationDays) {

    public static final int MOST_DAYS = 90;

    public FeedbackProperties {
        if (conversationDays < 1 || conversationDays > MOST_DAYS) {
            throw new IllegalArgumentException(
                    "pulse.feedback.conversation-days must be from 1 to " + MOST_DAYS + " days");
        }
    }

    Duration conversation() {
        return Duration.ofDays(conversationDays);
    }
}
