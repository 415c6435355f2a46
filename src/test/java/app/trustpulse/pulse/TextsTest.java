package app.trustpulse.pulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.MissingResourceException;
import org.junit.jupiter.api.Test;

/**
 * A text is found in whichever bundle holds it, in the language asked for, its arguments filled in and counts in their
 * form.
 */
class TextsTest {

    private final Texts texts = new Texts();

    @Test
    void aTextOfAnyBundleIsFoundInTheLanguageAskedFor() {
        assertThat(texts.get(Language.EN, "teams.card.send")).isEqualTo("Send");
        assertThat(texts.get(Language.NL, "teams.card.send")).isEqualTo("Versturen");
        assertThat(texts.get(Language.NL, "checkin.comment.label", "Ik weet wat er van me verwacht wordt"))
                .isEqualTo("Je opmerking bij: Ik weet wat er van me verwacht wordt");
    }

    @Test
    void aCountPicksItsFormAndShowsTheNumberWhereTheFormAsksForIt() {
        assertThat(texts.get(Language.EN, "add.done", 0, 1))
                .isEqualTo("Added no members; one was already in the team.");
        assertThat(texts.get(Language.EN, "add.done", 7, 2)).isEqualTo("Added 7 members; 2 were already in the team.");
        assertThat(texts.get(Language.NL, "add.done", 1, 0))
                .isEqualTo("Eén lid toegevoegd; niemand zat al in het team.");
    }

    @Test
    void aKeyNoBundleHasIsRefusedByName() {
        assertThat(texts.has(Language.EN, "no.such.key")).isFalse();
        assertThat(texts.has(Language.EN, "teams.card.send")).isTrue();
        assertThatThrownBy(() -> texts.get(Language.NL, "no.such.key"))
                .isInstanceOf(MissingResourceException.class)
                .hasMessageContaining("no.such.key");
    }
}
