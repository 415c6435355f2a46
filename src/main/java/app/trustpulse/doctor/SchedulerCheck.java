package app.trustpulse.doctor;

/** Port: whether the scheduler of the weekly rounds and the queue of work run. */
public interface SchedulerCheck {

    Finding scheduler();
}
