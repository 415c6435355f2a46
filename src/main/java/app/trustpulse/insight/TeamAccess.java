package app.trustpulse.insight;

import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import java.util.Optional;

/** A viewer's standing in one team: their membership there (if any) and whether they administer it. */
public record TeamAccess(Team team, Optional<Member> membership, boolean admin) {

    public TeamRole role() {
        if (membership.filter(Member::isLeader).isPresent()) {
            return TeamRole.LEADER;
        }
        return admin ? TeamRole.ADMIN : TeamRole.MEMBER;
    }

    public boolean leader() {
        return membership.filter(Member::isLeader).isPresent();
    }
}
