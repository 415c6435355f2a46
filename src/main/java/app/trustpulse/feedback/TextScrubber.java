package app.trustpulse.feedback;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Removes what could name someone from free text before a leader reads it: platform mentions,
 * @handles and the names of the team's people.
 */
public final class TextScrubber {

    static final String REMOVED = "…";
    private static final Pattern PLATFORM_MENTION = Pattern.compile("<[@#!][^>]*>|<at>[^<]*</at>");
    private static final Pattern HANDLE = Pattern.compile("@[\\p{L}\\p{N}._-]+");
    private static final int SHORTEST_NAME = 3;

    public String scrub(String text, Collection<String> names) {
        String result = PLATFORM_MENTION.matcher(text).replaceAll(REMOVED);
        result = HANDLE.matcher(result).replaceAll(REMOVED);
        for (String name : names) {
            for (String part : name.split("[\\s()]+")) {
                if (part.length() >= SHORTEST_NAME) {
                    result = Pattern.compile("(?iu)\\b" + Pattern.quote(part) + "\\b")
                            .matcher(result)
                            .replaceAll(REMOVED);
                }
            }
        }
        return result.strip();
    }
}
