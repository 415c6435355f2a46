package app.trustpulse.schedule;

import app.trustpulse.doctor.Finding;
import app.trustpulse.doctor.SchedulerCheck;
import java.util.function.BooleanSupplier;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** The doctor's scheduler check: Quartz (the teams' weekly rounds) and the queue of work both run. */
final class SchedulerDoctor implements SchedulerCheck {

    private final Scheduler quartz;
    private final BooleanSupplier workQueueRunning;

    SchedulerDoctor(Scheduler quartz, BooleanSupplier workQueueRunning) {
        this.quartz = quartz;
        this.workQueueRunning = workQueueRunning;
    }

    @Override
    public Finding scheduler() {
        try {
            if (!quartz.isStarted() || quartz.isInStandbyMode() || quartz.isShutdown()) {
                return Finding.fix("doctor.scheduler.quartzStopped");
            }
        } catch (SchedulerException e) {
            return Finding.fix("doctor.scheduler.quartzStopped");
        }
        return workQueueRunning.getAsBoolean()
                ? Finding.ok("doctor.scheduler.ok")
                : Finding.fix("doctor.scheduler.queueStopped");
    }
}
