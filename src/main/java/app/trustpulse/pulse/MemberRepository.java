package app.trustpulse.pulse;

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
}
