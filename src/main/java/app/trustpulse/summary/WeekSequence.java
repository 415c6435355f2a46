package app.trustpulse.summary;

import app.trustpulse.pulse.WeekStepRepository.Step;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The steps that follow a week's close, in the order they are tried, each with the steps it waits for. This is the
 * one place that says what a week close sends and in which order; {@link WeekSteps} runs it.
 */
final class WeekSequence {

    /** A step and the steps for the whole team it waits for. */
    record Entry(WeekStep step, Set<Step> after) {}

    private final List<Entry> entries;

    WeekSequence(ChannelPulse pulse, ReleasingFeedback feedback, LeaderDigest digest) {
        this(List.of(
                new Entry(pulse, Set.of()),
                new Entry(feedback, Set.of()),
                // Leaders never see the week before their team does, and see the feedback the week released.
                new Entry(digest, Set.of(Step.PULSE, Step.FEEDBACK))));
    }

    WeekSequence(List<Entry> entries) {
        List<Step> before = new ArrayList<>();
        for (Entry e : entries) {
            if (!before.containsAll(e.after())) {
                throw new IllegalArgumentException(e.step().name() + " waits for a step that does not come before it");
            }
            before.add(e.step().name());
        }
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The names of the steps, in order. */
    List<Step> names() {
        return entries.stream().map(e -> e.step().name()).toList();
    }

    boolean contains(Step name) {
        return names().contains(name);
    }

    Entry entry(Step name) {
        return entries.stream()
                .filter(e -> e.step().name() == name)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " is not a step of the week close"));
    }

    /** Orders steps as the sequence does. */
    Comparator<Step> order() {
        return Comparator.comparingInt(names()::indexOf);
    }
}
