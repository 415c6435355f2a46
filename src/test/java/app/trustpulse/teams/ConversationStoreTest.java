package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.support.TestDatabases;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import java.time.Clock;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The Teams tables (migration V70) and their queries, on H2 and on PostgreSQL. */
class ConversationStoreTest {

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("H2", (Supplier<DataSource>) TestDatabases::h2),
                Arguments.of("PostgreSQL", (Supplier<DataSource>) TestDatabases::postgres));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEntraObjectIdLeadsToTheTeamsUserSeenWithItInItsTenantOnly(String name, Supplier<DataSource> database) {
        DataSource dataSource = database.get();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        ConversationStore store = new ConversationStore(jdbc, Clock.systemUTC());
        app.trustpulse.insight.TeamsIdentities identities = app.trustpulse.persistence.JdbcStores.on(
                        dataSource, app.trustpulse.support.TestDatabases.SEALER)
                .identities();

        store.rememberIdentity("tenant", "0F0E0D0C-0000-4000-8000-000000000001", "29:mia");
        store.rememberIdentity("tenant", "0f0e0d0c-0000-4000-8000-000000000001", "29:mia");
        store.rememberIdentity("tenant", null, "29:noah");

        assertThat(identities.userIdOf("tenant", "0f0e0d0c-0000-4000-8000-000000000001"))
                .contains("29:mia");
        assertThat(identities.userIdOf("tenant", "0F0E0D0C-0000-4000-8000-000000000001"))
                .contains("29:mia");
        assertThat(identities.userIdOf("another-tenant", "0f0e0d0c-0000-4000-8000-000000000001"))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM teams_identity")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        store.removeUser("tenant", "29:mia");
        assertThat(identities.userIdOf("tenant", "0f0e0d0c-0000-4000-8000-000000000001"))
                .as("forgotten with the person")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void referencesAreStoredUpdatedFoundAndForgotten(String name, Supplier<DataSource> database) {
        ConversationStore store = new ConversationStore(JdbcClient.create(database.get()), Clock.systemUTC());

        store.saveTeam("tenant", "19:team", "Design", "https://smba.example/emea/");
        store.saveTeam("tenant", "19:team", "Design renamed", "https://smba.example/emea/");
        store.saveChannel("tenant", "19:team", "19:team", reference("19:team", "https://smba.example/emea/"));
        store.saveChannel("tenant", "19:other", "19:team", reference("19:other", "https://smba.example/emea/"));
        store.saveUser("tenant", "29:mia", reference("a:chat-mia", "https://smba.example/emea/"));
        store.saveUser("tenant", "29:mia", reference("a:chat-mia-2", "https://smba.example/amer/"));

        assertThat(store.teamInstalled("tenant", "19:team")).isTrue();
        assertThat(store.channelsOfTeam("tenant", "19:team")).containsExactly("19:other", "19:team");
        ConversationStore.Stored channel = store.channel("tenant", "19:team").orElseThrow();
        assertThat(channel.teamOrUserId()).isEqualTo("19:team");
        assertThat(channel.reference().getBot().getId()).isEqualTo("28:bot");
        assertThat(channel.reference().getConversation().getId()).isEqualTo("19:team");
        ConversationStore.Stored chat = store.user("tenant", "29:mia").orElseThrow();
        assertThat(chat.conversationId()).isEqualTo("a:chat-mia-2");
        assertThat(chat.serviceUrl()).isEqualTo("https://smba.example/amer/");
        assertThat(store.serviceUrlOf("tenant", "a:chat-mia-2")).contains("https://smba.example/amer/");
        assertThat(store.serviceUrlOf("tenant", "19:other")).contains("https://smba.example/emea/");
        assertThat(store.anyOfTenant("tenant")).isPresent();
        assertThat(store.anyOfTenant("another-tenant")).isEmpty();

        store.removeTeam("tenant", "19:team");
        store.removeUser("tenant", "29:mia");

        assertThat(store.teamInstalled("tenant", "19:team")).isFalse();
        assertThat(store.channelsOfTeam("tenant", "19:team")).isEmpty();
        assertThat(store.user("tenant", "29:mia")).isEmpty();
        assertThat(store.anyOfTenant("tenant")).isEmpty();
    }

    private static ConversationReference reference(String conversationId, String serviceUrl) {
        ConversationReference reference = new ConversationReference();
        reference.setChannelId("msteams");
        reference.setServiceUrl(serviceUrl);
        reference.setBot(new ChannelAccount("28:bot", "Trust Pulse"));
        ConversationAccount conversation = new ConversationAccount(conversationId);
        conversation.setTenantId("tenant");
        reference.setConversation(conversation);
        return reference;
    }
}
