package app.trustpulse.doctor;

/** Port: whether the service's public address (PULSE_PUBLIC_URL) is set and answers from outside. */
public interface PublicAddressCheck {

    Finding publicAddress();
}
