package app.trustpulse.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.Delivery;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WeekSequenceTest {

    @Test
    void theWeekPostsThePulseReleasesFeedbackThenSendsTheDigestsWhichWaitForBoth() {
        WeekSequence week = new WeekSequence(
                new ChannelPulse(null, null, null, null, null, null),
                new ReleasingFeedback(null),
                new LeaderDigest(null, null, null, null, null, null, null, null, null, null, null, null));

        assertThat(week.names()).containsExactly(Step.PULSE, Step.FEEDBACK, Step.DIGEST);
        assertThat(week.entry(Step.DIGEST).after()).containsExactlyInAnyOrder(Step.PULSE, Step.FEEDBACK);
        assertThat(week.entry(Step.PULSE).after()).isEmpty();
        assertThat(week.contains(Step.NUDGE))
                .as("a mid-week nudge is no step of the close")
                .isFalse();
        assertThatThrownBy(() -> week.entry(Step.NUDGE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepCannotWaitForOneThatComesAfterIt() {
        assertThatThrownBy(() -> new WeekSequence(List.of(
                        new WeekSequence.Entry(step(Step.DIGEST), Set.of(Step.PULSE)),
                        new WeekSequence.Entry(step(Step.PULSE), Set.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DIGEST");
    }

    @Test
    void stepsAreOrderedAsTheSequenceDeclaresThem() {
        WeekSequence week = new WeekSequence(List.of(
                new WeekSequence.Entry(step(Step.FEEDBACK), Set.of()),
                new WeekSequence.Entry(step(Step.PULSE), Set.of(Step.FEEDBACK))));

        assertThat(List.of(Step.PULSE, Step.FEEDBACK).stream()
                        .sorted(week.order())
                        .toList())
                .containsExactly(Step.FEEDBACK, Step.PULSE);
    }

    private static WeekStep step(Step name) {
        return new WeekStep() {
            @Override
            public Step name() {
                return name;
            }

            @Override
            public List<String> recipients(Team team, List<Member> people) {
                return List.of(TEAM);
            }

            @Override
            public void run(Team team, WeeklyPulse pulse, String recipient, Delivery delivery) {}
        };
    }
}
