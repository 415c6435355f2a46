package app.trustpulse.chat;

import java.util.Optional;

/**
 * A button. When it carries an input request, the adapter first asks the person for text
 * (a Slack modal, a card input, a prompt) and sends it along with the action.
 */
public record Button(String label, String action, Style style, Optional<InputRequest> input) {

    public enum Style {
        DEFAULT,
        PRIMARY,
        DANGER
    }

    public static Button of(String label, String action) {
        return new Button(label, action, Style.DEFAULT, Optional.empty());
    }

    public static Button primary(String label, String action) {
        return new Button(label, action, Style.PRIMARY, Optional.empty());
    }

    public static Button danger(String label, String action) {
        return new Button(label, action, Style.DANGER, Optional.empty());
    }

    public static Button withInput(String label, String action, InputRequest input) {
        return new Button(label, action, Style.DEFAULT, Optional.of(input));
    }

    public record InputRequest(String title, String label, String submit, int maxLength) {}
}
