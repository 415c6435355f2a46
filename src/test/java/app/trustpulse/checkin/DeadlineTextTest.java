package app.trustpulse.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.Texts;
import app.trustpulse.support.TestTeams;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The reminder names the close that is still ahead, on a fixed clock. */
class DeadlineTextTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final Texts texts = new Texts();
    private final CheckInMessages messages = new CheckInMessages(texts);

    private static Team team(Language lang) {
        return TestTeams.playground(lang);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AMSTERDAM).toInstant();
    }

    @Test
    void beforeTheCloseTheReminderNamesThisWeeksClose() {
        // Wednesday 9 December 2026
        assertThat(messages.reminder(team(Language.EN), at("2026-12-09T13:30")).summary())
                .isEqualTo(texts.get(Language.EN, "reminder.text", "Friday 11 December", "16:00"));
    }

    @Test
    void onASaturdayTheReminderNamesNextWeeksCloseNotAFridayThatHasPassed() {
        // Saturday 12 December 2026: this week's Friday 16:00 is behind us
        assertThat(messages.reminder(team(Language.NL), at("2026-12-12T10:00")).summary())
                .isEqualTo(texts.get(Language.NL, "reminder.text", "vrijdag 18 december", "16:00"));
        assertThat(messages.reminder(team(Language.EN), at("2026-12-11T16:30")).summary())
                .contains("Friday 18 December");
    }
}
