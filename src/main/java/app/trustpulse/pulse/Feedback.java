package app.trustpulse.pulse;

import java.util.Optional;

/**
 * Anonymous free text from a member to the leaders, stored under the member's pseudonym only so that
 * "enough different people" can be counted. It is released in a digest only in aggregate.
 */
public record Feedback(long id, long teamId, WeekId week, String pseudonym, String text, Optional<WeekId> releasedIn) {}
