package app.trustpulse.command;

import app.trustpulse.pulse.Platform;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The service's own admins, beside the platforms' workspace admins: entries "platform:userId",
 * e.g. "slack:U0123ABC" or "teams:29:1xyz" (the user id may itself contain colons).
 */
public final class AdminList {

    private final Set<String> entries;

    public AdminList(Collection<String> entries) {
        this.entries = entries.stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .map(AdminList::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean contains(Platform platform, String userId) {
        return entries.contains(platform.code() + ":" + userId);
    }

    private static String normalize(String entry) {
        int colon = entry.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("admin entry must be platform:userId, got " + entry);
        }
        return entry.substring(0, colon).toLowerCase(Locale.ROOT) + entry.substring(colon);
    }
}
