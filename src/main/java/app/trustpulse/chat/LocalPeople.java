package app.trustpulse.chat;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * The people of a workspace that lives inside the service (the playground's), so the dashboard can let someone sign
 * in as one of them without knowing which adapter keeps them. There is none when no such workspace runs.
 */
public interface LocalPeople {

    /** Someone in the local workspace; an admin there administers every team of it. */
    record LocalPerson(String workspaceId, String userId, String displayName, boolean admin) implements Serializable {}

    List<LocalPerson> all();

    Optional<LocalPerson> find(String userId);
}
