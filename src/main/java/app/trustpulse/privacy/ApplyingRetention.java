package app.trustpulse.privacy;

import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes answers, feedback and nudge records older than the answer retention (the weekly aggregates already
 * published stay), check-ins older than theirs, and delivery bookkeeping older than a few weeks; closes feedback
 * threads whose time is up, destroying the way back to their writers. Runs daily.
 */
public final class ApplyingRetention {

    private static final Logger LOG = LoggerFactory.getLogger(ApplyingRetention.class);

    private final RetentionStore store;
    private final RetentionPolicy policy;
    private final Clock clock;

    public ApplyingRetention(RetentionStore store, RetentionPolicy policy, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.clock = clock;
    }

    public RetentionStore.Purged apply() {
        Instant now = clock.instant();
        var today = now.atZone(ZoneOffset.UTC).toLocalDate();
        WeekId answersBefore = WeekId.of(today.minus(policy.answers()));
        WeekId checkInsBefore = WeekId.of(today.minus(policy.checkIns()));
        RetentionStore.Purged purged = store.purge(answersBefore, checkInsBefore, now.minus(policy.operational()));
        int threads = store.closeFeedbackThreads(now);
        LOG.info(
                "Retention: deleted {} answers, {} feedback, {} nudge records from before {}; {} check-ins from before {};"
                        + " {} delivery records; closed {} feedback threads and destroyed the way back to their writers",
                purged.answers(),
                purged.feedback(),
                purged.nudges(),
                answersBefore,
                purged.checkIns(),
                checkInsBefore,
                purged.operational(),
                threads);
        return purged;
    }
}
