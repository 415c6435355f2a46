package app.trustpulse.doctor;

/** Port: whether the database answers and every migration is applied. */
public interface DatabaseCheck {

    Finding database();
}
