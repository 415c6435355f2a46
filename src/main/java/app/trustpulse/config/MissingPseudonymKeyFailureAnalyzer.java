package app.trustpulse.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing pseudonym key into a start-up message that says exactly what to set. */
final class MissingPseudonymKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingPseudonymKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingPseudonymKeyException cause) {
        return new FailureAnalysis(
                String.join(" and ", cause.platforms())
                        + " is configured, but no key for the answer pseudonyms is set. "
                        + "The key must not live in the database beside the answers: with it, anyone holding a copy of "
                        + "the database could tell whose answers are whose.",
                "Set PULSE_PSEUDONYM_SECRET to a random value of 32 or more characters (e.g. `openssl rand -base64 48`), "
                        + "or PULSE_PSEUDONYM_SECRET_FILE to a file holding it (a mounted secret). Keep it safe and keep it "
                        + "the same on every instance and across restarts. If an earlier version generated a key in the "
                        + "database (table app_secret, name 'pseudonym'), set PULSE_PSEUDONYM_SECRET=base64:<that value> to "
                        + "keep this week's answers editable; the copy in the database is then removed.",
                cause);
    }
}
