package app.trustpulse.summary;

import app.trustpulse.chat.Delivery;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekStepRepository.Step;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.List;

/**
 * One step that follows a week's close. The step only does its work; claiming it, recording it as done and trying it
 * again are {@link WeekSteps}' business, and its place in the week and what it waits for are {@link WeekSequence}'s.
 */
interface WeekStep {

    /** The one for the team as a whole. */
    String TEAM = "";

    /** Its name, as stored with every claim of it. */
    Step name();

    /** Who it goes to: {@link #TEAM} once, or one entry per person (a leader's user id). */
    List<String> recipients(Team team, List<Member> people);

    /**
     * Does the step for one recipient. Throws {@link app.trustpulse.chat.ChatDeliveryException} when the platform did
     * not take it, so it is tried again with the same delivery id.
     */
    void run(Team team, WeeklyPulse pulse, String recipient, Delivery delivery);
}
