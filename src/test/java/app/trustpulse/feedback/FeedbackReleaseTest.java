package app.trustpulse.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.TestTeams;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedbackReleaseTest {

    private final Team team = TestTeams.playground();
    private final WeekId week = new WeekId(2026, 47);
    private final InMemoryFeedback store = new InMemoryFeedback();
    private final Roster roster = new Roster();
    private final Pseudonymizer pseudonyms = new PulseModule(new byte[32]).pseudonyms();
    private final FeedbackRelease release =
            new FeedbackRelease(store, roster, pseudonyms, new TextScrubber(), new Random(7));

    /** Feedback of the member "a", "b", "c" (U1, U3, U4), or of anyone else by user id. */
    private void give(String who, WeekId w, String text) {
        String userId = switch (who) {
            case "a" -> "U1";
            case "b" -> "U3";
            case "c" -> "U4";
            default -> who;
        };
        store.add(new Feedback(
                0, 1, w, pseudonyms.feedbackGiver(1, Platform.PLAYGROUND, userId), text, Optional.empty()));
    }

    @Test
    void feedbackFromFewerPeopleThanTheThresholdIsHeld() {
        give("a", week, "More focus time");
        give("b", week, "Clearer goals");
        give("b", week, "And fewer meetings");
        FeedbackRelease.Outcome o = release.release(team, week);
        assertThat(o.released()).isEmpty();
        assertThat(o.held()).isEqualTo(3);
        assertThat(store.pending(1)).hasSize(3);
    }

    @Test
    void heldFeedbackIsReleasedOnceEnoughDifferentPeopleGaveSomeInRandomOrder() {
        give("a", week.minus(2), "More focus time");
        give("b", week.minus(1), "Clearer goals");
        give("c", week, "Say thanks more often");
        FeedbackRelease.Outcome o = release.release(team, week);
        assertThat(o.released()).containsExactlyInAnyOrder("More focus time", "Clearer goals", "Say thanks more often");
        assertThat(store.pending(1)).isEmpty();
        assertThat(release.release(team, week.plus(1)).released()).isEmpty();
    }

    @Test
    void feedbackHeldLongerThanFourWeeksIsDropped() {
        give("a", week.minus(5), "Old news");
        give("b", week.minus(4), "Still fresh");
        give("c", week, "Now");
        FeedbackRelease.Outcome o = release.release(team, week);
        assertThat(o.dropped()).isEqualTo(1);
        assertThat(o.released()).isEmpty();
        assertThat(o.held()).isEqualTo(2);
    }

    @Test
    void peopleAddedThisWeekAndPeopleNoLongerOnTheTeamDoNotCountTowardsTheThreshold() {
        roster.newcomers.add("U5");
        give("a", week, "The one real feedback");
        give("U5", week, "From someone added this week");
        give("U9", week, "From someone no longer on the team");
        FeedbackRelease.Outcome o = release.release(team, week);
        assertThat(o.released()).isEmpty();
        assertThat(o.held()).isEqualTo(3);

        give("b", week, "Clearer goals");
        give("c", week, "Say thanks more often");
        assertThat(release.release(team, week).released())
                .as("three givers who count, and the others' feedback with them")
                .containsExactlyInAnyOrder(
                        "The one real feedback",
                        "From someone added this week",
                        "From someone no longer on the team",
                        "Clearer goals",
                        "Say thanks more often");
    }

    @Test
    void namesAndMentionsAreRemovedBeforeALeaderReadsIt() {
        give("a", week, "Ask Priya, she knows <@U123> and @bob");
        give("b", week, "priya Jansen carried the release");
        give("c", week, "fine");
        List<String> released = release.release(team, week).released();
        assertThat(released)
                .noneMatch(t -> t.toLowerCase().contains("priya")
                        || t.contains("U123")
                        || t.contains("bob")
                        || t.contains("Jansen"));
        assertThat(released).anyMatch(t -> t.contains("she knows"));
    }

    /** Priya (U1), a leader (U2), Robin (U3), Sasha (U4) and Quinn (U5), of whom {@code newcomers} joined this week. */
    private static final class Roster implements MemberRepository {
        final java.util.Set<String> newcomers = new java.util.HashSet<>();

        public void save(Member member) {}

        public Optional<Member> find(long teamId, String userId) {
            return Optional.empty();
        }

        public List<Member> ofTeam(long teamId) {
            return List.of(
                    new Member(1, "U1", "Priya Jansen", Role.MEMBER, Optional.empty(), false, false),
                    new Member(1, "U2", "Lee (leader)", Role.LEADER, Optional.empty(), false, false),
                    new Member(1, "U3", "Robin", Role.MEMBER, Optional.empty(), false, false),
                    new Member(1, "U4", "Sasha", Role.MEMBER, Optional.empty(), false, false),
                    new Member(1, "U5", "Quinn", Role.MEMBER, Optional.empty(), false, false));
        }

        public List<Member> membershipsOf(Platform platform, String workspaceId, String userId) {
            return List.of();
        }

        public boolean remove(long teamId, String userId) {
            return false;
        }

        public boolean countsTowardThreshold(long teamId, String userId, java.time.Instant weekStart) {
            return ofTeam(teamId).stream().anyMatch(m -> m.userId().equals(userId)) && !newcomers.contains(userId);
        }

        public List<Member> joinedSince(long teamId, java.time.Instant since) {
            return List.of();
        }

        // The release never welcomes anyone.
        public List<String> awaitingWelcome(long teamId, java.time.Instant joinedAfter) {
            return List.of();
        }

        public List<Long> teamsAwaitingWelcomes(java.time.Instant joinedAfter) {
            return List.of();
        }

        public Optional<app.trustpulse.pulse.DeliveryClaim> claimWelcome(
                long teamId, String userId, java.time.Instant now, java.time.Instant staleBefore) {
            return Optional.empty();
        }

        public void markWelcomed(long teamId, String userId) {}

        public void releaseWelcome(long teamId, String userId) {}
    }
}
