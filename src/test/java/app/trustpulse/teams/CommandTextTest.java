package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    @Test
    void theBotsMentionGoesAndOtherMentionsBecomeUserIds() throws Exception {
        Activity activity = new JacksonAdapter().deserialize("""
                {"type":"message","text":"<at>Trust&nbsp;Pulse</at>&nbsp;pulse setup <at>Lea</at> &amp; <at>Mo</at><br>",
                 "recipient":{"id":"28:bot"},
                 "entities":[
                   {"type":"mention","text":"<at>Trust&nbsp;Pulse</at>","mentioned":{"id":"28:bot","name":"Trust Pulse"}},
                   {"type":"mention","text":"<at>Lea</at>","mentioned":{"id":"29:lea","name":"Lea"}},
                   {"type":"mention","text":"<at>Mo</at>","mentioned":{"id":"29:mo","name":"Mo"}},
                   {"type":"clientInfo","locale":"en-US"}]}""", Activity.class);

        String words = CommandText.of(activity);

        assertThat(words).isEqualTo("pulse setup <@29:lea> & <@29:mo>");
        assertThat(CommandText.startsWithPulse(words)).isTrue();
        assertThat(CommandText.withoutPulse(words)).isEqualTo("setup <@29:lea> & <@29:mo>");
        assertThat(CommandText.withoutPulse("Pulse")).isEmpty();
        assertThat(CommandText.startsWithPulse("pulsed 4")).isFalse();
    }
}
