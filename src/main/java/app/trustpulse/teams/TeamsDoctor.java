package app.trustpulse.teams;

import app.trustpulse.doctor.Finding;
import app.trustpulse.doctor.TeamsCheck;
import com.microsoft.bot.connector.authentication.AppCredentials;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The doctor's Teams check: whether the bot's app id and password get a token from Microsoft Entra ID. */
final class TeamsDoctor implements TeamsCheck {

    private static final long TIMEOUT_SECONDS = 10;

    private final MicrosoftAppSettings app;
    private final AppCredentials credentials;

    TeamsDoctor(MicrosoftAppSettings app, AppCredentials credentials) {
        this.app = app;
        this.credentials = credentials;
    }

    @Override
    public Optional<Finding> credentials() {
        if (!app.hasAppId()) {
            return Optional.of(Finding.fix("doctor.teams.unauthenticated"));
        }
        try {
            String token = credentials.getToken().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Optional.of(
                    token == null || token.isBlank()
                            ? Finding.fix("doctor.teams.refused", "no token")
                            : Finding.ok("doctor.teams.ok"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of(Finding.fix("doctor.teams.refused", reason(cause)));
        } catch (TimeoutException e) {
            return Optional.of(Finding.fix("doctor.teams.refused", "no answer within " + TIMEOUT_SECONDS + " s"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Finding.fix("doctor.teams.refused", "interrupted"));
        } catch (RuntimeException e) {
            return Optional.of(Finding.fix("doctor.teams.refused", reason(e)));
        }
    }

    /** The kind of failure and Microsoft's error code (e.g. AADSTS7000215, an invalid secret), never the secret. */
    private static String reason(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher code =
                java.util.regex.Pattern.compile("AADSTS\\d+").matcher(message);
        return e.getClass().getSimpleName() + (code.find() ? " " + code.group() : "");
    }
}
