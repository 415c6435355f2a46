package app.trustpulse.checkin;

import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.NowAndThen;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TrustInLeaderPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each member's week of the four-week block for the trust-in-the-leader statement ({@link
 * TrustInLeaderPool#poolWeeks}), from the team's roster. A round plans every member's check-in one after the other, so
 * the team's weeks are kept for a minute rather than worked out again for each person; a roster change inside that
 * minute at worst asks someone twice in a block, which the pool's giver tokens absorb. Teams dealt longer ago are let
 * go, so the memory holds the teams of the rounds under way rather than every team ever dealt.
 */
final class PoolWeeks {

    private static final Duration KEPT = Duration.ofMinutes(1);

    private record Dealt(Instant at, Map<String, Integer> byUser) {}

    private final MemberRepository members;
    private final Pseudonymizer pseudonyms;
    private final Clock clock;
    private final Map<Long, Dealt> dealt = new ConcurrentHashMap<>();
    private final NowAndThen sweeps;

    PoolWeeks(MemberRepository members, Pseudonymizer pseudonyms, Clock clock) {
        this.members = members;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        this.sweeps = new NowAndThen(KEPT.toMillis(), clock.millis());
    }

    /** How many teams' weeks are held. */
    int teamsHeld() {
        return dealt.size();
    }

    /** The member's pool week (0-3); a leader's is 0 and never used. */
    int of(Team team, Member member) {
        if (member.role() != Role.MEMBER) {
            return 0;
        }
        Instant now = clock.instant();
        Dealt d = dealt.get(team.id());
        if (d == null
                || now.isAfter(d.at().plus(KEPT))
                || now.isBefore(d.at())
                || !d.byUser().containsKey(member.userId())) {
            d = deal(team, now);
            dealt.put(team.id(), d);
            forgetOld(now);
        }
        return d.byUser().getOrDefault(member.userId(), 0);
    }

    /** Lets go of the teams dealt more than {@link #KEPT} ago, looking them over at most once in that time. */
    private void forgetOld(Instant now) {
        if (sweeps.due(now.toEpochMilli())) {
            dealt.values().removeIf(d -> now.isAfter(d.at().plus(KEPT)) || now.isBefore(d.at()));
        }
    }

    private Dealt deal(Team team, Instant now) {
        return new Dealt(now, Map.copyOf(TrustInLeaderPool.poolWeeksOf(team, members.ofTeam(team.id()), pseudonyms)));
    }
}
