package app.trustpulse.feedback;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The feedback module put together, in plain Java: what it needs comes in, and out come what the rest of the
 * application uses: {@link FeedbackConversations} for the inbox, {@link FeedbackRelease} for the week close and
 * {@link TextScrubber}, the one way names are taken out of free text before a leader reads it. The application's
 * configuration calls it; tests and benchmarks that run without the application call it too.
 */
public final class FeedbackModule {

    /** The storage the module reads and writes. */
    public record Stores(
            TeamRepository teams,
            MemberRepository members,
            FeedbackRepository feedback,
            FeedbackThreadRepository threads) {}

    /**
     * How it reaches people, and its settings.
     *
     * @param conversation how long a writer may answer back once a leader first answered
     * @param random       the order released feedback is shown in, so the order says nothing about who wrote what
     */
    public record Outside(ChatGateways gateways, Duration conversation, RandomGenerator random) {}

    private final TextScrubber scrubber;
    private final FeedbackRelease release;
    private final FeedbackConversations conversations;

    public FeedbackModule(Stores stores, Outside outside, Pseudonymizer pseudonyms, Texts texts, Clock clock) {
        this.scrubber = new TextScrubber();
        this.release = new FeedbackRelease(stores.feedback(), stores.members(), pseudonyms, scrubber, outside.random());
        this.conversations = new FeedbackConversations(
                stores.teams(),
                stores.members(),
                stores.feedback(),
                stores.threads(),
                pseudonyms,
                scrubber,
                outside.gateways(),
                texts,
                clock,
                outside.conversation());
    }

    /** The release alone, for tools that hold no conversations (the benchmarks). */
    public static FeedbackRelease release(
            FeedbackRepository feedback, MemberRepository members, Pseudonymizer pseudonyms, RandomGenerator random) {
        return new FeedbackRelease(feedback, members, pseudonyms, new TextScrubber(), random);
    }

    public TextScrubber textScrubber() {
        return scrubber;
    }

    public FeedbackRelease feedbackRelease() {
        return release;
    }

    public FeedbackConversations feedbackConversations() {
        return conversations;
    }
}
