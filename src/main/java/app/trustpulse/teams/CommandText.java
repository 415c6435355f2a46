package app.trustpulse.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Mention;
import java.util.regex.Pattern;

/** What a person typed, in the core's terms: the bot's own mention gone, other mentions as {@code <@userId>}. */
final class CommandText {

    private static final Pattern TAG = Pattern.compile("<(?!@)[^>]*>");
    private static final Pattern PULSE = Pattern.compile("^pulse(\\s+|$)", Pattern.CASE_INSENSITIVE);

    private CommandText() {}

    static String of(Activity activity) {
        String text = activity.getText() == null ? "" : activity.getText();
        String botId =
                activity.getRecipient() == null ? null : activity.getRecipient().getId();
        for (Mention mention : activity.getMentions()) {
            if (mention.getText() == null
                    || mention.getMentioned() == null
                    || mention.getMentioned().getId() == null) {
                continue;
            }
            String id = mention.getMentioned().getId();
            text = text.replace(mention.getText(), id.equals(botId) ? " " : " <@" + id + "> ");
        }
        text = TAG.matcher(text).replaceAll(" ");
        text = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    /** True when the words start with "pulse". */
    static boolean startsWithPulse(String words) {
        return PULSE.matcher(words).find();
    }

    /** The words without a leading "pulse", which is optional after the bot's mention. */
    static String withoutPulse(String words) {
        return PULSE.matcher(words).replaceFirst("").trim();
    }
}
