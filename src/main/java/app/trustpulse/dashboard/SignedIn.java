package app.trustpulse.dashboard;

import app.trustpulse.insight.Viewer;
import org.springframework.security.core.Authentication;

/** The viewer behind the request's sign-in. */
final class SignedIn {

    private final Viewers viewers;

    SignedIn(Viewers viewers) {
        this.viewers = viewers;
    }

    Viewer viewer(Authentication auth) {
        return viewers.of(auth).orElseThrow(SignInExpired::new);
    }
}
