package app.trustpulse.promise;

import app.trustpulse.nudge.LeaderFocus;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import java.time.Clock;

/**
 * The promise module put together, in plain Java: what it needs comes in, and out come only what the rest of the
 * application may use: making and keeping promises ({@link KeepingPromises}, the facade), the members' "did you
 * notice?" ({@link NoticingPromises}, also the check-in's {@link PromiseQuestions}), what promises add to the pulse and
 * the digest ({@link PromiseBlocks}, the summary's {@link PromiseSections}) and each leader's chosen focus
 * ({@link LeaderFocus}, for the randomised nudges). Texts and the reading of a leader's words stay inside.
 */
public final class PromiseModule {

    /** The storage the module reads and writes. */
    public record Stores(
            PromiseRepository promises,
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            NudgeLog nudgeLog) {}

    /** What it uses of other core modules: the nudge catalog, whose tips a promise can be made of. */
    public record Neighbours(NudgeCatalog catalog) {}

    private final KeepingPromises keeping;
    private final NoticingPromises noticing;
    private final PromiseBlocks blocks;

    public PromiseModule(Stores stores, Neighbours neighbours, Pseudonymizer pseudonyms, Texts texts, Clock clock) {
        PromiseTexts promiseTexts = new PromiseTexts(texts);
        this.noticing = new NoticingPromises(
                stores.promises(),
                stores.teams(),
                stores.members(),
                stores.checkIns(),
                stores.pulses(),
                pseudonyms,
                promiseTexts);
        this.blocks = new PromiseBlocks(stores.promises(), stores.members(), stores.pulses(), noticing, promiseTexts);
        this.keeping = new KeepingPromises(
                stores.teams(),
                stores.members(),
                stores.promises(),
                stores.nudgeLog(),
                neighbours.catalog(),
                promiseTexts,
                clock);
    }

    /**
     * Each leader's chosen focus, read from the promises: for the nudge module, which the promise module itself
     * depends on, so it is offered without the rest of this module.
     */
    public static LeaderFocus focusOf(PromiseRepository promises) {
        return new PromisedFocus(promises);
    }

    public KeepingPromises keepingPromises() {
        return keeping;
    }

    public NoticingPromises noticingPromises() {
        return noticing;
    }

    public PromiseBlocks promiseBlocks() {
        return blocks;
    }
}
