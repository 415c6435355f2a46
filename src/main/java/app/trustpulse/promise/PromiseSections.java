package app.trustpulse.promise;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.List;

/** What promises add to the channel's pulse and to a leader's digest; the summary only places these blocks. */
public interface PromiseSections {

    /** A tip the digest suggests, as a promise may be made of it with one click. */
    record Tip(long sentNudgeId, Dimension dimension) {}

    /** Under the pulse in the channel: every leader's focus and promise, what the team noticed, the loop line. */
    List<Block> channel(Team team, WeeklyPulse pulse);

    /** At the top of a digest: what the leader must hear first, such as participation falling two weeks running. */
    List<Block> digestFirst(Team team, WeeklyPulse pulse);

    /** In a digest: the leader's promise and what the team noticed of it, and how to make or change one. */
    List<Block> digest(Team team, Member leader, WeeklyPulse pulse, List<Tip> tips);

    static PromiseSections none() {
        return new PromiseSections() {
            @Override
            public List<Block> channel(Team team, WeeklyPulse pulse) {
                return List.of();
            }

            @Override
            public List<Block> digestFirst(Team team, WeeklyPulse pulse) {
                return List.of();
            }

            @Override
            public List<Block> digest(Team team, Member leader, WeeklyPulse pulse, List<Tip> tips) {
                return List.of();
            }
        };
    }
}
