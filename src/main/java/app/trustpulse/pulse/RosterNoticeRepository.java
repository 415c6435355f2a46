package app.trustpulse.pulse;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The announcements of changes to who is in a team, each stored once under the key of the request or event that made
 * the change, then claimed with a delivery id and posted once in the team's channel. The names a notice needs are
 * kept only until it is posted.
 */
public interface RosterNoticeRepository {

    /** What changed. */
    enum Change {
        /** A team was set up with its channel's people. */
        SETUP,
        /** Someone added people to the team, by command or by adding them to the channel. */
        ADDED,
        /** People joined the channel on their own. */
        JOINED,
        /** Someone removed people from the team, by command or by removing them from the channel. */
        REMOVED,
        /** People left the channel on their own. */
        LEFT,
        /** Someone added a person to the team as a leader. */
        LEADER_ADDED,
        /** Someone made a member a leader, whose answers then no longer count in the team's pulse. */
        MADE_LEADER,
        /** Someone made a leader a member, whose answers then count in the team's pulse. */
        MADE_MEMBER,
        /** Someone made a leader the one the team's statements name, from the next week. */
        RATED_LEADER
    }

    /** A person as the notice names them. */
    record Person(String userId, String displayName) {}

    /**
     * One notice. {@code people} are the ones it names (none for a setup, which gives counts: {@code count} people,
     * {@code leaders} of them leaders); {@code by} who made the change, when it was not the people themselves.
     */
    record Notice(
            long teamId,
            String key,
            Change change,
            Optional<Person> by,
            List<Person> people,
            int count,
            int leaders,
            Instant createdAt) {

        public Notice {
            people = List.copyOf(people);
        }
    }

    /** A notice that is not posted yet. */
    record Waiting(long teamId, String key) {}

    /** Stores a notice; false, and nothing changes, when one with its key is stored for the team already. */
    boolean record(Notice notice);

    /** The notice with its names, while it is not posted; empty once it is (or when there is none). */
    Optional<Notice> waiting(long teamId, String key);

    /**
     * Claims a notice that is not posted yet, or takes back a claim made before {@code staleBefore} (its sender died);
     * empty when it was posted or another sender holds a fresh claim.
     */
    Optional<DeliveryClaim> claim(long teamId, String key, Instant now, Instant staleBefore);

    /** Marks the notice posted and forgets the names it held. */
    void posted(long teamId, String key, Instant at);

    /** Gives a claimed notice back when posting failed; it keeps its delivery id for the next try. */
    void release(long teamId, String key);

    /** Notices stored since the given moment and not posted yet, oldest first. */
    List<Waiting> waitingSince(Instant since);
}
