package app.trustpulse.playground;

import java.util.List;
import java.util.Optional;

/** The playground's people, for the dashboard's local sign-in (which exists only while the playground does). */
public final class PlaygroundPeople {

    /** Someone in the playground's workspace; an admin there administers every playground team. */
    public record LocalPerson(String workspaceId, String userId, String displayName, boolean admin)
            implements java.io.Serializable {}

    private final PlaygroundStore store;

    PlaygroundPeople(PlaygroundStore store) {
        this.store = store;
    }

    public List<LocalPerson> all() {
        return store.people(Playground.WORKSPACE).stream()
                .map(PlaygroundPeople::local)
                .toList();
    }

    public Optional<LocalPerson> find(String userId) {
        return store.person(Playground.WORKSPACE, userId).map(PlaygroundPeople::local);
    }

    private static LocalPerson local(Person p) {
        return new LocalPerson(p.workspaceId(), p.userId(), p.displayName(), p.admin());
    }
}
