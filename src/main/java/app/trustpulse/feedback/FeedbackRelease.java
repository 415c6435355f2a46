package app.trustpulse.feedback;

import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Decides what anonymous feedback a week's digest may carry: all pending feedback once at least the
 * team's threshold of different people gave some, in random order, with names and mentions removed.
 * Until then it is held, for at most four more weeks, and then dropped.
 *
 * <p>Only givers who count towards the threshold this week are counted: people on the team since before the week
 * began (in a team's first week, everyone). So accounts an admin adds this week cannot make up the number around one
 * real person's feedback; nor can accounts removed again, or anyone no longer on the team, whose feedback is released
 * with the rest but does not count.
 */
public final class FeedbackRelease {

    public static final int HOLD_WEEKS = 4;

    public record Outcome(List<String> released, int held, int dropped) {
        public Outcome {
            released = List.copyOf(released);
        }
    }

    private final FeedbackRepository feedback;
    private final MemberRepository members;
    private final Pseudonymizer pseudonyms;
    private final TextScrubber scrubber;
    private final RandomGenerator random;

    FeedbackRelease(
            FeedbackRepository feedback,
            MemberRepository members,
            Pseudonymizer pseudonyms,
            TextScrubber scrubber,
            RandomGenerator random) {
        this.feedback = feedback;
        this.members = members;
        this.pseudonyms = pseudonyms;
        this.scrubber = scrubber;
        this.random = random;
    }

    /**
     * What a week's close released, read back for a digest sent (or sent again) after the release: the released
     * texts with names removed, in random order, and how much is still held.
     */
    public Outcome releasedWith(Team team, WeekId week) {
        List<Feedback> released = feedback.releasedIn(team.id(), week);
        if (released.isEmpty()) {
            int held = (int) feedback.pending(team.id()).stream()
                    .filter(f -> f.week().compareTo(week) <= 0)
                    .count();
            return new Outcome(List.of(), held, 0);
        }
        List<String> names =
                members.ofTeam(team.id()).stream().map(Member::displayName).toList();
        List<String> texts = new ArrayList<>();
        for (Feedback f : released) {
            texts.add(scrubber.scrub(f.text(), names));
        }
        Collections.shuffle(texts, random instanceof Random r ? r : new Random(random.nextLong()));
        return new Outcome(texts, 0, 0);
    }

    public Outcome release(Team team, WeekId week) {
        int dropped = feedback.dropPendingBefore(team.id(), week.minus(HOLD_WEEKS));
        List<Feedback> pending = feedback.pending(team.id()).stream()
                .filter(f -> f.week().compareTo(week) <= 0)
                .toList();
        Set<String> counting = countingGivers(team, week);
        long givers = pending.stream()
                .map(Feedback::pseudonym)
                .filter(counting::contains)
                .distinct()
                .count();
        if (!AnonymityPolicy.mayShow(team, givers)) {
            return new Outcome(List.of(), pending.size(), dropped);
        }
        List<String> names =
                members.ofTeam(team.id()).stream().map(Member::displayName).toList();
        List<String> texts = new ArrayList<>();
        for (Feedback f : pending) {
            texts.add(scrubber.scrub(f.text(), names));
        }
        Collections.shuffle(texts, random instanceof Random r ? r : new Random(random.nextLong()));
        feedback.markReleased(pending.stream().map(Feedback::id).toList(), week);
        return new Outcome(texts, 0, dropped);
    }

    /** The giver pseudonyms of the people on the team who count towards the threshold in the week. */
    private Set<String> countingGivers(Team team, WeekId week) {
        Instant weekStart = week.monday().atStartOfDay(team.timezone()).toInstant();
        Set<String> givers = new HashSet<>();
        for (Member m : members.ofTeam(team.id())) {
            if (members.countsTowardThreshold(team.id(), m.userId(), weekStart)) {
                givers.add(pseudonyms.feedbackGiver(team.id(), team.platform(), m.userId()));
            }
        }
        return givers;
    }
}
