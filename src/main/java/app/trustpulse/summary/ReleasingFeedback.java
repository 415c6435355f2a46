package app.trustpulse.summary;

import app.trustpulse.chat.Delivery;
import app.trustpulse.feedback.FeedbackRelease;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.List;

/** The week's feedback released to the leaders, once enough different givers who count wrote some. */
final class ReleasingFeedback implements WeekStep {

    private final FeedbackRelease release;

    ReleasingFeedback(FeedbackRelease release) {
        this.release = release;
    }

    @Override
    public Step name() {
        return Step.FEEDBACK;
    }

    @Override
    public List<String> recipients(Team team, List<Member> people) {
        return List.of(TEAM);
    }

    @Override
    public void run(Team team, WeeklyPulse pulse, String recipient, Delivery delivery) {
        release.release(team, pulse.week());
    }
}
