package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MentionsTest {

    private final List<Person> people = List.of(
            person("ada", "Ada (admin)"),
            person("lee", "Lee (leader)"),
            person("mia", "Mia"),
            person("sam1", "Sam Jones"),
            person("sam2", "Sam Smith"));
    private final List<String> channels = List.of("team", "random");

    @Test
    void mentionsByUserIdByNameAndByFirstNameBecomePlatformMentions() {
        assertThat(Mentions.resolve("setup #team @lee", people, channels)).isEqualTo("setup <#team> <@lee>");
        assertThat(Mentions.resolve("add @Mia", people, channels)).isEqualTo("add <@mia>");
        assertThat(Mentions.resolve("leader @Ada, please", people, channels)).isEqualTo("leader <@ada>, please");
        assertThat(Mentions.resolve("add @sam jones", people, channels)).isEqualTo("add @sam jones");
        assertThat(Mentions.resolve("add @SAM2", people, channels)).isEqualTo("add <@sam2>");
    }

    @Test
    void unknownOrAmbiguousNamesUnknownChannelsAndEmailsStayAsTyped() {
        assertThat(Mentions.resolve("add @Bob #nowhere", people, channels)).isEqualTo("add @Bob #nowhere");
        assertThat(Mentions.resolve("add @Sam", people, channels)).isEqualTo("add @Sam");
        assertThat(Mentions.resolve("mail lee@example.org", people, channels)).isEqualTo("mail lee@example.org");
        assertThat(Mentions.resolve("already <@lee> in <#team>", people, channels))
                .isEqualTo("already <@lee> in <#team>");
    }

    private static Person person(String id, String name) {
        return new Person("demo", id, name, Optional.empty(), false);
    }
}
