package app.trustpulse.pulse;

import java.util.List;

/**
 * The pulse module put together, in plain Java. Most of the module is what the others share and pass around (the
 * model, the storage ports they implement or call, the anonymity rule); what only this module may make comes out of
 * here: the pseudonyms and the sealer, both keyed from the one secret for personal data, so nothing else makes one
 * under a key of its own; a person's own answers, found only under those pseudonyms; and the planner of the current
 * questionnaire. The application's configuration calls it; tests and benchmarks that run without the application call
 * it too.
 */
public final class PulseModule {

    private final Pseudonymizer pseudonyms;
    private final Sealer sealer;
    private final CheckInPlanner planner = new CheckInPlanner();

    /**
     * @param secret the one secret every key for personal data is derived from (at least 32 bytes)
     * @param retired the secrets it replaced: what they pseudonymised is still found, what they sealed still opens
     */
    public PulseModule(byte[] secret, List<byte[]> retired) {
        this.pseudonyms = new Pseudonymizer(secret, retired);
        this.sealer = new Sealer(secret, retired);
    }

    public PulseModule(byte[] secret) {
        this(secret, List.of());
    }

    public Pseudonymizer pseudonyms() {
        return pseudonyms;
    }

    public Sealer sealer() {
        return sealer;
    }

    /**
     * A person's own answers of a week, found by their week pseudonyms: the one way to find them, so every module that
     * shows, replaces or forgets them reads them the same way.
     */
    public PersonalAnswers personalAnswers(AnswerRepository answers) {
        return new PersonalAnswers(answers, pseudonyms);
    }

    /** Which statements each check-in asks, of the current questionnaire. */
    public CheckInPlanner checkInPlanner() {
        return planner;
    }
}
