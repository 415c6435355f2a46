package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CardSubmitTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void scoresComeFirstThenFilledInCommentsAndEmptyOnesAreDropped() {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("tp_input:comment:1:TRUST", "  more room ");
        value.put("tp_scale:answer:1:TRUST:", "4");
        value.put("tp_scale:answer:1:VISION:", "");
        value.put("tp_scale:answer:1:SAFETY:", "9");
        value.put("tp_scale:answer:1:FREEDOM:", "?");
        value.put("tp_input:comment:1:VISION", " ");
        value.put("tp_submit", "answers");

        assertThat(CardSubmit.read(json.valueToTree(value)))
                .containsExactly(
                        new CardSubmit.Click("answer:1:TRUST:4", Optional.empty()),
                        new CardSubmit.Click("answer:1:FREEDOM:?", Optional.empty()),
                        new CardSubmit.Click("comment:1:TRUST", Optional.of("more room")));
    }

    @Test
    void aButtonInAShowCardCarriesItsOwnInputOnce() {
        Map<String, String> value = Map.of("tp_action", "feedbackq:4", "tp_input:feedbackq:4", "Clearer goals");

        assertThat(CardSubmit.read(json.valueToTree(value)))
                .containsExactly(new CardSubmit.Click("feedbackq:4", Optional.of("Clearer goals")));
    }

    @Test
    void theAnswerAboutAPromiseTravelsWithTheCardsScoresAndAPromiseFormCarriesItsWords() {
        Map<String, String> value = new LinkedHashMap<>();
        value.put("tp_scale:answer:1:TRUST:", "4");
        value.put("tp_scale:noticed:1:9:", "partly");
        value.put("tp_scale:noticed:1:10:", "perhaps");
        value.put("tp_submit", "answers");

        assertThat(CardSubmit.read(json.valueToTree(value)))
                .containsExactly(
                        new CardSubmit.Click("answer:1:TRUST:4", Optional.empty()),
                        new CardSubmit.Click("noticed:1:9:partly", Optional.empty()));
        assertThat(CardSubmit.read(json.valueToTree(
                        Map.of("tp_action", "promise:4:own:SAFETY", "tp_input:promise:4:own:SAFETY", "I will listen"))))
                .containsExactly(new CardSubmit.Click("promise:4:own:SAFETY", Optional.of("I will listen")));
    }
}
