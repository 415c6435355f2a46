package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardRendererTest {

    private final CardRenderer renderer = new CardRenderer(new Texts());

    @Test
    void oneParagraphIsAPlainMarkdownMessage() {
        Activity activity = renderer.render(ChatMessage.text("Type *help*\nfor more"));

        assertThat(activity.getAttachments()).isNullOrEmpty();
        assertThat(activity.getText()).isEqualTo("Type **help**\n\nfor more");
    }

    @Test
    void aCheckInInDutchGetsADutchSendButtonAndItsCommentFieldInline() {
        JsonNode card = card(new ChatMessage(
                "check-in",
                List.of(
                        new Block.Scale(
                                "Ik bepaal zelf hoe ik mijn werk aanpak.",
                                "answer:3:FREEDOM:",
                                List.of(
                                        new Block.Choice("1", "1 · Helemaal oneens"),
                                                new Block.Choice("2", "2 · Oneens"),
                                        new Block.Choice("3", "3 · Niet eens, niet oneens"),
                                                new Block.Choice("4", "4 · Eens"),
                                        new Block.Choice("5", "5 · Helemaal eens"),
                                                new Block.Choice("?", "Kan ik niet beoordelen")),
                                Optional.of("2")),
                        new Block.Buttons(List.of(Button.withInput(
                                "Opmerking toevoegen",
                                "comment:3:FREEDOM",
                                new Button.InputRequest("Opmerking", "Wil je iets toevoegen?", "Opslaan", 500)))))));

        assertThat(card.path("actions").path(0).path("title").asText()).isEqualTo("Versturen");
        assertThat(card.path("actions")
                        .path(0)
                        .path("data")
                        .path(CardRenderer.SUBMIT_KEY)
                        .asText())
                .isEqualTo("answers");
        JsonNode choices = card.path("body").path(1);
        assertThat(choices.path("type").asText()).isEqualTo("Input.ChoiceSet");
        assertThat(choices.path("value").asText()).isEqualTo("2");
        assertThat(choices.path("choices").path(0).path("title").asText()).isEqualTo("1 · Helemaal oneens");
        assertThat(choices.path("choices").path(2).path("title").asText()).isEqualTo("3 · Niet eens, niet oneens");
        assertThat(choices.path("choices").path(4).path("title").asText()).isEqualTo("5 · Helemaal eens");
        assertThat(choices.path("choices").path(5).path("title").asText()).isEqualTo("Kan ik niet beoordelen");
        assertThat(choices.path("choices").path(5).path("value").asText()).isEqualTo("?");
        assertThat(card.toString())
                .contains("\"type\":\"Input.Text\"", "\"id\":\"tp_input:comment:3:FREEDOM\"", "\"maxLength\":500")
                .doesNotContain("Action.ShowCard");
    }

    @Test
    void outsideACheckInButtonsStayBesideTheirTextAndAnInputOpensBehindAShowCard() {
        JsonNode card = card(new ChatMessage(
                "digest",
                List.of(
                        new Block.Header("Your weekly digest"),
                        new Block.Text("Ask one open question in your next 1:1."),
                        new Block.Buttons(List.of(
                                Button.primary("I tried it", "nudge:9:tried"), Button.of("Not yet", "nudge:9:notyet"))),
                        new Block.Buttons(List.of(Button.withInput(
                                "Give feedback",
                                "feedbackq:4",
                                new Button.InputRequest("Feedback", "What would help?", "Send", 1000)))))));

        assertThat(card.has("actions")).isFalse();
        JsonNode nudge = card.path("body").path(2);
        assertThat(nudge.path("type").asText()).isEqualTo("ActionSet");
        assertThat(nudge.path("actions"))
                .extracting(a -> a.path("data").path(CardRenderer.ACTION_KEY).asText())
                .containsExactly("nudge:9:tried", "nudge:9:notyet");
        JsonNode show = card.path("body").path(3).path("actions").path(0);
        assertThat(show.path("type").asText()).isEqualTo("Action.ShowCard");
        assertThat(show.path("card").path("body").path(0).path("id").asText()).isEqualTo("tp_input:feedbackq:4");
        assertThat(show.path("card")
                        .path("actions")
                        .path(0)
                        .path("data")
                        .path(CardRenderer.ACTION_KEY)
                        .asText())
                .isEqualTo("feedbackq:4");
    }

    @Test
    void theCardsTreeIsWhatJacksonMakesOfItForEveryKindOfBlock() {
        ChatMessage everything = new ChatMessage(
                "all",
                List.of(
                        new Block.Header("Weekly *pulse*"),
                        new Block.Text("Line one\r\nline two\n\nA paragraph with *bold* and 2*3*4."),
                        new Block.Context("Answered by 7 of 9"),
                        new Block.Image("https://pulse.example.com/c.png", "Vision 3.6"),
                        new Block.Scale(
                                "I decide how I do my work.",
                                "answer:3:FREEDOM:",
                                List.of(
                                        new Block.Choice("1", "1 · Strongly disagree"),
                                        new Block.Choice("?", "Can't say")),
                                Optional.empty()),
                        new Block.Buttons(List.of(
                                Button.primary("I tried it", "nudge:9:tried"),
                                Button.withInput(
                                        "Add a comment",
                                        "comment:3:FREEDOM",
                                        new Button.InputRequest("Comment", "Anything to add?", "Save", 500)))),
                        new Block.ScoreTable(List.of(
                                new Block.ScoreRow("Vision", "3.6", "+0.2", "▁▃▅", "7"),
                                new Block.ScoreRow("Trust", "—", "", "", "2")))));

        Map<String, Object> card = renderer.card(everything);

        assertThat(CardRenderer.tree(card)).isEqualTo(Serialization.objectToTree(card));
        assertThat(CardRenderer.tree(card).toString()).contains("Line one\\n\\nline two\\n\\nA paragraph");
    }

    @Test
    void markdownDoublesLoneLineBreaksAndBoldsStarredWordsOnly() {
        assertThat(CardRenderer.markdown("plain text")).isEqualTo("plain text");
        assertThat(CardRenderer.markdown("a *b* c\r\nd\n\ne\nf")).isEqualTo("a **b** c\n\nd\n\ne\n\nf");
        assertThat(CardRenderer.markdown("2*3*4 and **already**")).isEqualTo("2*3*4 and **already**");
    }

    private JsonNode card(ChatMessage message) {
        Activity activity = renderer.render(message);
        assertThat(activity.getAttachments())
                .singleElement()
                .satisfies(a -> assertThat(a.getContentType()).isEqualTo(CardRenderer.CONTENT_TYPE));
        JsonNode card =
                Serialization.objectToTree(activity.getAttachments().get(0).getContent());
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        return card;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChartBecomesAnAdaptiveCardImageWithItsAltText() {
        Map<String, Object> card = renderer.card(new ChatMessage(
                "pulse",
                List.of(
                        new Block.Header("Weekly pulse"),
                        new Block.Image(
                                "https://pulse.example.com/pulse-charts/abc.png", "Vision 3.6; Trust withheld"))));
        Map<String, Object> image = (Map<String, Object>) ((List<Object>) card.get("body")).get(1);
        assertThat(image)
                .containsEntry("type", "Image")
                .containsEntry("url", "https://pulse.example.com/pulse-charts/abc.png")
                .containsEntry("altText", "Vision 3.6; Trust withheld");
    }
}
