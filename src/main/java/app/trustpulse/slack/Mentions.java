package app.trustpulse.slack;

import java.util.regex.Pattern;

/** Turns Slack's escaped message text into the core's command text. */
final class Mentions {

    private static final Pattern USER = Pattern.compile("<@([UW][A-Z0-9]+)(\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]+)(\\|[^>]*)?>");

    private Mentions() {}

    /**
     * {@code <@U123|ann>} becomes {@code <@U123>}, {@code <#C123|team>} becomes {@code <#C123>}, and the three
     * characters Slack escapes ({@code &amp; &lt; &gt;}) are unescaped.
     */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = USER.matcher(text).replaceAll("<@$1>");
        s = CHANNEL.matcher(s).replaceAll("<#$1>");
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").trim();
    }
}
