package app.trustpulse.doctor;

/** Port: whether the key of the personal data comes from the environment, not from the database. */
public interface PseudonymKeyCheck {

    Finding pseudonymKey();
}
