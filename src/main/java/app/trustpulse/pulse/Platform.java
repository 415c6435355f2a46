package app.trustpulse.pulse;

import java.util.Locale;

/** Where a team lives. Each platform has its own chat adapter. */
public enum Platform {
    PLAYGROUND,
    SLACK,
    TEAMS;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
