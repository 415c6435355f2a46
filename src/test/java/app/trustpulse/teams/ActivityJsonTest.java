package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Bot Connector gets the same JSON from the client without the SDK's flattening step as with it. */
class ActivityJsonTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void aCheckInCardIsWrittenExactlyAsTheSdkWritesIt() throws Exception {
        Activity activity = new CardRenderer(new Texts())
                .render(new ChatMessage(
                        "How was your week?",
                        List.of(
                                new Block.Text("How was your *week*? Ünïcödé — “quoted”"),
                                new Block.Scale(
                                        "I know what is expected of me.",
                                        "a:42:VISION:",
                                        List.of(new Block.Choice("1", "Not at all"), new Block.Choice("5", "Fully")),
                                        Optional.of("5")),
                                new Block.Buttons(List.of(Button.withInput(
                                        "Add a comment",
                                        "c:42:VISION",
                                        new Button.InputRequest("Comment", "Your comment", "Send", 500)))),
                                new Block.Context("Only the team's averages are shared."))));
        activity.setFrom(new ChannelAccount("28:bot", "Trust Pulse"));
        activity.setRecipient(new ChannelAccount("29:user", "Alex"));
        ConversationAccount conversation = new ConversationAccount();
        conversation.setId("a:chat-1");
        conversation.setTenantId("tenant-1");
        activity.setConversation(conversation);
        Mention mention = new Mention();
        mention.setMentioned(new ChannelAccount("29:user", "Alex"));
        mention.setText("<at>Alex</at>");
        activity.setMentions(List.of(mention));
        activity.setChannelData(Map.of("tenant", Map.of("id", "tenant-1"), "notification", Map.of("alert", true)));
        activity.setTimestamp(OffsetDateTime.of(2026, 12, 7, 9, 0, 0, 0, ZoneOffset.UTC));
        activity.setReplyToId("1:reply.to");

        JsonNode sdk = PLAIN.readTree(new JacksonAdapter().serializer().writeValueAsBytes(activity));
        JsonNode ours = PLAIN.readTree(new ActivityJson().serializer().writeValueAsBytes(activity));

        assertThat(ours).isEqualTo(sdk);
        assertThat(ours.path("attachments").path(0).path("content").toString()).contains("Input.ChoiceSet");
    }

    @Test
    void theConnectorsAnswersAreReadAsTheSdkReadsThem() throws Exception {
        String answer = "{\"id\":\"1:activity.id\",\"unknownField\":{\"a.b\":1}}";

        ResourceResponse sdk = new JacksonAdapter().serializer().readValue(answer, ResourceResponse.class);
        ResourceResponse ours = new ActivityJson().serializer().readValue(answer, ResourceResponse.class);

        assertThat(ours.getId()).isEqualTo(sdk.getId()).isEqualTo("1:activity.id");
    }
}
