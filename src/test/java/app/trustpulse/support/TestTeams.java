package app.trustpulse.support;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import java.time.ZoneId;

/** The team tests of one module use when they need a team and not a database: id 1, the playground, Amsterdam. */
public final class TestTeams {

    private TestTeams() {}

    /** The playground team in English, threshold 3, the default schedule. */
    public static Team playground() {
        return playground(Language.EN);
    }

    public static Team playground(Language language) {
        return new Team(
                1,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "team",
                ZoneId.of("Europe/Amsterdam"),
                language,
                3,
                TeamSchedule.defaults(),
                false);
    }
}
