package app.trustpulse.playground;

import app.trustpulse.chat.LocalPeople;
import java.util.List;
import java.util.Optional;

/** The playground's people, for the dashboard's local sign-in (which exists only while the playground does). */
final class PlaygroundPeople implements LocalPeople {

    private final PlaygroundStore store;

    PlaygroundPeople(PlaygroundStore store) {
        this.store = store;
    }

    @Override
    public List<LocalPerson> all() {
        return store.people(Playground.WORKSPACE).stream()
                .map(PlaygroundPeople::local)
                .toList();
    }

    @Override
    public Optional<LocalPerson> find(String userId) {
        return store.person(Playground.WORKSPACE, userId).map(PlaygroundPeople::local);
    }

    private static LocalPerson local(Person p) {
        return new LocalPerson(p.workspaceId(), p.userId(), p.displayName(), p.admin());
    }
}
