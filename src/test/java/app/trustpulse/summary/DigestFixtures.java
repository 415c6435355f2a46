package app.trustpulse.summary;

import app.trustpulse.nudge.InMemoryDecisionLog;
import app.trustpulse.nudge.InMemoryNudgeLog;
import app.trustpulse.nudge.NudgeModule;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import app.trustpulse.support.TestTeams;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the digest tests share: a playground team, and its digests as the module composes them on a Friday. */
final class DigestFixtures {

    static final Team TEAM = TestTeams.playground();

    private DigestFixtures() {}

    /** Digests with no nudge logged or decided yet, on Friday 20 November 2026. */
    static LeaderDigests digests(Texts texts) {
        return new LeaderDigests(
                NudgeModule.digestNudges(new InMemoryNudgeLog(), new InMemoryDecisionLog(), texts),
                new InMemoryNudgeLog(),
                new PulseMessages(texts, PulseCharts.none()),
                texts,
                Clock.fixed(Instant.parse("2026-11-20T16:00:00Z"), ZoneOffset.UTC));
    }
}
