package app.trustpulse.promise;

import app.trustpulse.pulse.WeekId;

/**
 * One member's answer to the question about one promise in one week, under the member's week pseudonym (never the
 * platform user id). It is stored sealed and lives only until its week closes: then the week's answers become one count
 * per promise ({@link Tally}) and are destroyed. {@code counts} is false for someone who joined this week, as for the
 * check-in's answers: their answer is counted but does not help reach the threshold.
 */
public record NoticedAnswer(
        long teamId, WeekId week, long promiseId, String pseudonym, Noticed answer, boolean counts) {}
