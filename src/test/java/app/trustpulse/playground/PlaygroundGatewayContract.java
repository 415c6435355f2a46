package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.pulse.Platform;
import app.trustpulse.support.MovableClock;
import app.trustpulse.support.TestScales;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the playground gateway does, on any database the service supports. */
abstract class PlaygroundGatewayContract {

    private final DataSource db = database();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-16T08:30:00Z"));
    private final MessageJson json = new MessageJson();
    private PlaygroundStore store;
    private PlaygroundGateway gateway;

    abstract DataSource database();

    @BeforeEach
    void roster() {
        store = new PlaygroundStore(JdbcClient.create(db), clock);
        gateway = new PlaygroundGateway(store, json);
        store.addPerson(new Person("demo", "lee", "Lee (leader)", Optional.of(ZoneId.of("Europe/Amsterdam")), false));
        store.addPerson(new Person("demo", "mia", "Mia", Optional.empty(), false));
        store.addPerson(new Person("demo", "tom", "Tom", Optional.empty(), false));
        store.join("demo", "team", "lee");
        store.join("demo", "team", "mia");
    }

    @Test
    void aDirectMessageIsStoredInThePersonsConversationAsTheBots() {
        ChatMessage checkIn = new ChatMessage(
                "Check-in",
                List.of(
                        new Block.Text("Hi Mia"),
                        new Block.Scale("I have room to decide.", "c:1:", TestScales.agreement(), Optional.empty())));

        MessageRef ref = gateway.sendDirect(new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), checkIn);

        assertThat(ref.platform()).isEqualTo(Platform.PLAYGROUND);
        assertThat(ref.conversationId()).isEqualTo("dm:mia");
        List<StoredMessage> messages = store.messages("demo", "dm:mia", 10);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).author()).isEqualTo("bot");
        assertThat(messages.get(0).ephemeralFor()).isEmpty();
        assertThat(String.valueOf(messages.get(0).id())).isEqualTo(ref.messageId());
        assertThat(json.read(messages.get(0).content())).isEqualTo(checkIn);
        assertThat(store.messages("demo", "dm:lee", 10)).isEmpty();
    }

    @Test
    void aChannelPostIsStoredInTheChannelConversation() {
        MessageRef ref = gateway.postToChannel(
                new ChannelAddress(Platform.PLAYGROUND, "demo", "team"), ChatMessage.text("Weekly pulse"));

        assertThat(ref.conversationId()).isEqualTo("channel:team");
        assertThat(store.messages("demo", "channel:team", 10))
                .singleElement()
                .satisfies(m -> assertThat(json.read(m.content())).isEqualTo(ChatMessage.text("Weekly pulse")));
    }

    @Test
    void anUpdateReplacesTheMessageInPlaceAndMarksWhenItChanged() {
        MessageRef ref = gateway.sendDirect(
                new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), ChatMessage.text("Pick a score"));
        gateway.sendDirect(new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), ChatMessage.text("Later message"));
        clock.set(Instant.parse("2026-11-16T08:35:00Z"));

        gateway.update(ref, ChatMessage.text("Recorded: 4"));

        List<StoredMessage> messages = store.messages("demo", "dm:mia", 10);
        assertThat(messages).hasSize(2);
        StoredMessage updated = messages.get(0);
        assertThat(json.read(updated.content())).isEqualTo(ChatMessage.text("Recorded: 4"));
        assertThat(updated.createdAt().toInstant()).isEqualTo(Instant.parse("2026-11-16T08:30:00Z"));
        assertThat(updated.updatedAt().toInstant()).isEqualTo(Instant.parse("2026-11-16T08:35:00Z"));
        assertThat(json.read(messages.get(1).content())).isEqualTo(ChatMessage.text("Later message"));
    }

    @Test
    void updatingAMessageThatDoesNotExistFailsAsADeliveryProblem() {
        MessageRef ref = gateway.sendDirect(
                new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), ChatMessage.text("Pick a score"));

        assertThatThrownBy(() -> gateway.update(
                        new MessageRef(Platform.PLAYGROUND, "demo", "dm:lee", ref.messageId()), ChatMessage.text("x")))
                .isInstanceOf(ChatDeliveryException.class);
        assertThatThrownBy(() -> gateway.update(
                        new MessageRef(Platform.PLAYGROUND, "demo", "dm:mia", "not-a-number"), ChatMessage.text("x")))
                .isInstanceOf(ChatDeliveryException.class);
        assertThat(json.read(store.messages("demo", "dm:mia", 10).get(0).content()))
                .isEqualTo(ChatMessage.text("Pick a score"));
    }

    @Test
    void aDirectMessageToSomeoneOutsideTheRosterOrToAnotherPlatformIsNotDelivered() {
        assertThatThrownBy(() -> gateway.sendDirect(
                        new DirectAddress(Platform.PLAYGROUND, "demo", "zed"), ChatMessage.text("hello")))
                .isInstanceOf(ChatDeliveryException.class);
        assertThatThrownBy(() ->
                        gateway.sendDirect(new DirectAddress(Platform.SLACK, "demo", "mia"), ChatMessage.text("hello")))
                .isInstanceOf(ChatDeliveryException.class);
        assertThat(store.messages("demo", "dm:zed", 10)).isEmpty();
        assertThat(store.messages("demo", "dm:mia", 10)).isEmpty();
    }

    @Test
    void channelMembersAreThePeopleWhoJoinedAndNotThoseWhoLeft() {
        ChannelAddress team = new ChannelAddress(Platform.PLAYGROUND, "demo", "team");

        assertThat(gateway.channelMembers(team))
                .containsExactly(
                        new ChatUser("lee", "Lee (leader)", Optional.of(ZoneId.of("Europe/Amsterdam"))),
                        new ChatUser("mia", "Mia", Optional.empty()));

        assertThat(store.leave("demo", "team", "mia")).isTrue();
        assertThat(store.join("demo", "team", "tom")).isTrue();
        assertThat(store.join("demo", "team", "tom")).isFalse();

        assertThat(gateway.channelMembers(team)).extracting(ChatUser::userId).containsExactly("lee", "tom");
        assertThat(gateway.channelMembers(new ChannelAddress(Platform.PLAYGROUND, "other", "team")))
                .isEmpty();
    }

    @Test
    void theNewestMessagesOfAConversationComeOldestFirst() {
        for (int i = 1; i <= 5; i++) {
            gateway.postToChannel(new ChannelAddress(Platform.PLAYGROUND, "demo", "team"), ChatMessage.text("m" + i));
        }

        assertThat(store.messages("demo", "channel:team", 3))
                .extracting(m -> json.read(m.content()).summary())
                .containsExactly("m3", "m4", "m5");
    }

    @Test
    void twoGatewaysOnOneDatabaseSeeTheSameMessages() {
        PlaygroundGateway other = new PlaygroundGateway(new PlaygroundStore(JdbcClient.create(db), clock), json);
        MessageRef ref = gateway.sendDirect(
                new DirectAddress(Platform.PLAYGROUND, "demo", "mia"), ChatMessage.text("Pick a score"));

        other.update(ref, ChatMessage.text("Recorded"));

        assertThat(json.read(store.messages("demo", "dm:mia", 10).get(0).content()))
                .isEqualTo(ChatMessage.text("Recorded"));
    }
}
