package app.trustpulse.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's way of naming a person, and how an adapter turns it into its own. */
class MentionsTest {

    @Test
    void aNameThatWouldBreakTheMarkLosesThoseCharactersAndABlankOneStandsAsTheId() {
        assertThat(Mentions.person("U1", "Ada <the> | admin\n")).isEqualTo("<@U1|Ada the  admin>");
        assertThat(Mentions.person("29:abc-DEF", "  ")).isEqualTo("<@29:abc-DEF|29:abc-DEF>");
        assertThat(Mentions.person("U2", null)).isEqualTo("<@U2|U2>");
    }

    @Test
    void everyMarkInTheSummaryAndTheTextsIsShownTheAdaptersWayAndNothingElseChanges() {
        String text = Mentions.person("U1", "Ada") + " added " + Mentions.person("U7", "Max") + " to <#C1> & co";
        ChatMessage message = new ChatMessage(
                text,
                List.of(
                        new Block.Header("Roster"),
                        new Block.Text(text),
                        new Block.Context("by " + Mentions.person("U1", "Ada"))));

        ChatMessage slack = Mentions.show(message, (id, name) -> "<@" + id + ">");
        ChatMessage byName = Mentions.byName(message);

        assertThat(slack.summary()).isEqualTo("<@U1> added <@U7> to <#C1> & co");
        assertThat(byName.summary()).isEqualTo("Ada added Max to <#C1> & co");
        assertThat(byName.blocks())
                .containsExactly(
                        new Block.Header("Roster"),
                        new Block.Text("Ada added Max to <#C1> & co"),
                        new Block.Context("by Ada"));
    }
}
