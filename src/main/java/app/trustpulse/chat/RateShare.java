package app.trustpulse.chat;

import java.util.Locale;

/**
 * The one rule for the share of a chat platform's rate limits an instance paces itself to: above 0 and at most 1 — 1
 * with one instance, 1/N each with N, so together they never ask more of the platform than it allows. A share above 1
 * would pace an instance faster than the platform takes, and every platform would answer it with 429s. Each platform's
 * settings check their share here, so a wrong one stops the start with the same message, naming the setting and its
 * environment variable.
 */
public final class RateShare {

    private RateShare() {}

    /**
     * The share a setting gives, when it keeps the rule.
     *
     * @param property the setting, as the configuration names it (e.g. {@code slack.rate-share})
     * @throws IllegalArgumentException saying what is wrong and the right form
     */
    public static double checked(String property, double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(problem(property, share));
        }
        return share;
    }

    private static String problem(String property, double share) {
        return property + " (" + variable(property) + ") must be above 0 and at most 1: 1 with one instance, 1/N"
                + " with N instances (e.g. 0.5 with two); it is " + share;
    }

    /** The environment variable a setting binds from: {@code slack.rate-share} is {@code SLACK_RATE_SHARE}. */
    private static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
