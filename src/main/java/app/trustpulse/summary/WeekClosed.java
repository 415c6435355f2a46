package app.trustpulse.summary;

import app.trustpulse.pulse.WeekId;

/**
 * A team's week was closed and its pulse saved. Posting the pulse, releasing feedback and each leader's digest
 * follow from it as steps of their own, so a failed digest is retried alone and never posts the pulse again.
 */
public record WeekClosed(long teamId, WeekId week) {}
