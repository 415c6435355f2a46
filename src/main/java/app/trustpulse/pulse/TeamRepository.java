package app.trustpulse.pulse;

import java.util.List;
import java.util.Optional;

/** Storage of teams. */
public interface TeamRepository {

    /** Stores a new team; the id of the given team is ignored and the stored team is returned. */
    Team insert(Team team);

    void update(Team team);

    Optional<Team> find(long id);

    Optional<Team> findByChannel(Platform platform, String workspaceId, String channelId);

    List<Team> findByWorkspace(Platform platform, String workspaceId);

    List<Team> all();

    /** Removes a team with everything of it: members, check-ins, answers, pulses, nudges, feedback. */
    void delete(long id);
}
