package app.trustpulse.doctor;

import java.util.Optional;

/** Port: the Microsoft Teams side of an install. Empty where Teams is off. */
public interface TeamsCheck {

    TeamsCheck OFF = Optional::empty;

    /** Whether the bot's app id and password get a token from Microsoft. */
    Optional<Finding> credentials();
}
