package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.support.TestScales;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MessageJsonTest {

    private final MessageJson json = new MessageJson();

    private final ChatMessage everyBlock = new ChatMessage(
            "Check-in",
            List.of(
                    new Block.Header("This week"),
                    new Block.Text("*Hi* Mia,\nthree questions"),
                    new Block.Context("Answers are anonymous"),
                    new Block.Scale(
                            "I have room to decide.", "checkin:42:VRIJHEID:", TestScales.agreement(), Optional.of("4")),
                    new Block.Scale(
                            "I know what is expected.",
                            "checkin:42:VERWACHTING:",
                            TestScales.agreement(),
                            Optional.empty()),
                    new Block.Buttons(List.of(
                            Button.primary("Tried it", "nudge:tried"),
                            Button.danger("Forget me", "forget:confirm"),
                            Button.withInput(
                                    "Add a comment",
                                    "comment:42",
                                    new Button.InputRequest("Comment", "Your comment", "Send", 500)))),
                    new Block.ScoreTable(List.of(new Block.ScoreRow("Freedom", "3.8", "↑ 0.2", "▁▃▅▇", "4")))));

    @Test
    void everyBlockSurvivesTheRoundTrip() {
        assertThat(json.read(json.write(everyBlock))).isEqualTo(everyBlock);
    }

    @Test
    void eachBlockCarriesItsTypeAndAbsentValuesAreNull() {
        JsonNode tree = json.tree(json.write(everyBlock));

        assertThat(tree.get("summary").asString()).isEqualTo("Check-in");
        assertThat(tree.get("blocks").values())
                .extracting(b -> b.get("type").asString())
                .containsExactly("Header", "Text", "Context", "Scale", "Scale", "Buttons", "ScoreTable");
        assertThat(tree.get("blocks").get(3).get("selected").asString()).isEqualTo("4");
        assertThat(tree.get("blocks").get(3).get("choices").get(5).get("value").asString())
                .isEqualTo("?");
        assertThat(tree.get("blocks").get(4).get("selected").isNull()).isTrue();
        JsonNode buttons = tree.get("blocks").get(5).get("buttons");
        assertThat(buttons.get(0).get("style").asString()).isEqualTo("PRIMARY");
        assertThat(buttons.get(0).get("input").isNull()).isTrue();
        assertThat(buttons.get(2).get("input").get("maxLength").intValue()).isEqualTo(500);
        assertThat(tree.get("blocks").get(6).get("rows").get(0).get("trend").asString())
                .isEqualTo("▁▃▅▇");
    }

    @Test
    void clickTargetsAreTheChoicesOfEachScaleAndEveryButton() {
        List<MessageJson.ClickTarget> targets = json.clickTargets(json.write(everyBlock));

        assertThat(targets)
                .extracting(MessageJson.ClickTarget::action)
                .containsExactly(
                        "checkin:42:VRIJHEID:1",
                        "checkin:42:VRIJHEID:2",
                        "checkin:42:VRIJHEID:3",
                        "checkin:42:VRIJHEID:4",
                        "checkin:42:VRIJHEID:5",
                        "checkin:42:VRIJHEID:?",
                        "checkin:42:VERWACHTING:1",
                        "checkin:42:VERWACHTING:2",
                        "checkin:42:VERWACHTING:3",
                        "checkin:42:VERWACHTING:4",
                        "checkin:42:VERWACHTING:5",
                        "checkin:42:VERWACHTING:?",
                        "nudge:tried",
                        "forget:confirm",
                        "comment:42");
        assertThat(targets.get(14).input()).map(Button.InputRequest::maxLength).contains(500);
        assertThat(targets.get(12).input()).isEmpty();
    }

    @Test
    void aScaleStoredBeforeChoicesHadLabelsStillReads() {
        String old = """
                {"summary":"Check-in","blocks":[{"type":"Scale","statement":"I have room.","actionPrefix":"answer:1:FREEDOM:",
                "lowLabel":"disagree","highLabel":"agree","selected":4}]}""";

        Block.Scale scale = (Block.Scale) json.read(old).blocks().get(0);

        assertThat(scale.choices()).extracting(Block.Choice::value).containsExactly("1", "2", "3", "4", "5");
        assertThat(scale.choices().get(0).label()).isEqualTo("1 · disagree");
        assertThat(scale.selected()).contains("4");
        assertThat(json.current(old)
                        .get("blocks")
                        .get(0)
                        .get("choices")
                        .get(4)
                        .get("value")
                        .asString())
                .isEqualTo("5");
    }
}
