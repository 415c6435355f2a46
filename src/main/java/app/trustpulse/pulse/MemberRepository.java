package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Storage of team membership: members and leaders. */
public interface MemberRepository {

    /** Inserts or replaces the membership of (teamId, userId). */
    void save(Member member);

    Optional<Member> find(long teamId, String userId);

    List<Member> ofTeam(long teamId);

    /** Every team membership of one user in one workspace. */
    List<Member> membershipsOf(Platform platform, String workspaceId, String userId);

    boolean remove(long teamId, String userId);

    /** The team's memberships first saved at or after {@code since}, its first roster aside, first joined first. */
    List<Member> joinedSince(long teamId, Instant since);

    /** The team's members who joined after {@code joinedAfter} and have not had their welcome, first joined first. */
    List<String> awaitingWelcome(long teamId, Instant joinedAfter);

    /** Teams with members who joined after {@code joinedAfter} and have not had their welcome. */
    List<Long> teamsAwaitingWelcomes(Instant joinedAfter);

    /**
     * Claims a member's welcome, or takes back a claim of a dead instance or made before {@code staleBefore}; empty
     * when the welcome went out or a live sender holds it.
     */
    Optional<DeliveryClaim> claimWelcome(long teamId, String userId, Instant now, Instant staleBefore);

    void markWelcomed(long teamId, String userId);

    /** Gives a claimed welcome back when delivery failed; it keeps its delivery id for the next try. */
    void releaseWelcome(long teamId, String userId);

    /**
     * Whether the member's answers count towards the anonymity threshold in the week that starts at
     * {@code weekStart}: they joined before it, or they are the team's first roster, who came with its setup.
     */
    boolean countsTowardThreshold(long teamId, String userId, Instant weekStart);
}
