package app.trustpulse.dashboard;

/** The session's sign-in no longer stands for anyone: the person must sign in again. */
final class SignInExpired extends RuntimeException {

    SignInExpired() {
        super("sign-in no longer valid");
    }
}
