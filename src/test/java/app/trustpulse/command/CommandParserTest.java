package app.trustpulse.command;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandParserTest {

    private final CommandParser parser = new CommandParser();

    private Command ok(String text) {
        CommandParser.Result r = parser.parse(text);
        assertThat(r.error()).as("error for %s", text).isEmpty();
        return r.command().orElseThrow();
    }

    private CommandError error(String text) {
        CommandParser.Result r = parser.parse(text);
        assertThat(r.command()).as("command for %s", text).isEmpty();
        return r.error().orElseThrow();
    }

    @Test
    void readsSetupWithChannelAndLeaderInAnyOrder() {
        assertThat(ok("setup <#C1|general> <@U2|ann>"))
                .isEqualTo(new Command.Setup(Optional.of("C1"), Optional.of("U2")));
        assertThat(ok("setup <@U2>")).isEqualTo(new Command.Setup(Optional.empty(), Optional.of("U2")));
        assertThat(ok("setup")).isEqualTo(new Command.Setup(Optional.empty(), Optional.empty()));
        assertThat(ok("setup <#C1|general> <@U2|ann> NL"))
                .isEqualTo(new Command.Setup(
                        Optional.of("C1"), Optional.of("U2"), Optional.of(app.trustpulse.pulse.Language.NL)));
        assertThat(error("setup general").key()).isEqualTo("command.setup.unexpected");
    }

    @Test
    void readsPeople() {
        assertThat(ok("leader <@U1>")).isEqualTo(new Command.MakeLeader("U1"));
        assertThat(ok("leader rated <@U1>")).isEqualTo(new Command.RateLeader("U1"));
        assertThat(ok("leader Beoordeeld <@U1|ann>")).isEqualTo(new Command.RateLeader("U1"));
        assertThat(ok("unleader <@U1|bob>")).isEqualTo(new Command.RemoveLeader("U1"));
        assertThat(ok("add <@U1> <@U2> <@U1>")).isEqualTo(new Command.AddMembers(List.of("U1", "U2")));
        assertThat(ok("remove <@29:abc>")).isEqualTo(new Command.RemoveMembers(List.of("29:abc")));
        assertThat(error("leader").key()).isEqualTo("command.user.missing");
        assertThat(error("leader <@U1> <@U2>").key()).isEqualTo("command.user.one");
        assertThat(error("add bob").key()).isEqualTo("command.user.notMention");
        assertThat(error("add bob").usage()).contains(Subcommand.ADD);
    }

    @Test
    void readsSchedules() {
        assertThat(ok("schedule checkins mon,wed,fri 09:30"))
                .isEqualTo(new Command.ScheduleCheckIns(
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), LocalTime.of(9, 30)));
        assertThat(ok("schedule checkins ma, wo, vr 9:30")).isEqualTo(ok("schedule checkins mon,wed,fri 09:30"));
        assertThat(ok("schedule checkins mon-thu 10:00"))
                .isEqualTo(new Command.ScheduleCheckIns(
                        Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY),
                        LocalTime.of(10, 0)));
        assertThat(ok("schedule summary fri 16:00"))
                .isEqualTo(new Command.ScheduleSummary(DayOfWeek.FRIDAY, LocalTime.of(16, 0)));
        assertThat(ok("schedule weekpuls vr 16:00"))
                .isEqualTo(new Command.ScheduleSummary(DayOfWeek.FRIDAY, LocalTime.of(16, 0)));
        assertThat(ok("schedule tips di,do 10:00")).isEqualTo(ok("schedule nudges tue,thu 10:00"));
        assertThat(ok("schedule nudges tue,thu 10:00"))
                .isEqualTo(
                        new Command.ScheduleNudges(Set.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY), LocalTime.of(10, 0)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "schedule checkins mon,funday 09:30|command.schedule.badDay",
                "schedule checkins mon 25:00|command.schedule.badTime",
                "schedule checkins mon 9am|command.schedule.badTime",
                "schedule checkins mon 07:00|command.schedule.promptHours",
                "schedule checkins mon 19:00|command.schedule.promptHours",
                "schedule checkins fri-mon 09:00|command.schedule.badRange",
                "schedule summary mon,fri 16:00|command.schedule.oneDay",
                "schedule lunch mon 12:00|command.schedule.what",
                "schedule checkins|command.schedule.incomplete",
            })
    void refusesBadSchedulesSayingWhatWasWrong(String text, String key) {
        CommandError e = error(text);
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.usage()).contains(Subcommand.SCHEDULE);
    }

    @Test
    void readsSettings() {
        assertThat(ok("reminder 4h")).isEqualTo(new Command.SetReminder(Optional.of(Duration.ofHours(4))));
        assertThat(ok("reminder 1h30m")).isEqualTo(new Command.SetReminder(Optional.of(Duration.ofMinutes(90))));
        assertThat(ok("reminder off")).isEqualTo(new Command.SetReminder(Optional.empty()));
        assertThat(ok("reminder 4u")).isEqualTo(new Command.SetReminder(Optional.of(Duration.ofHours(4))));
        assertThat(ok("reminder 1u30")).isEqualTo(new Command.SetReminder(Optional.of(Duration.ofMinutes(90))));
        assertThat(ok("reminder 45min")).isEqualTo(new Command.SetReminder(Optional.of(Duration.ofMinutes(45))));
        assertThat(ok("reminder uit")).isEqualTo(new Command.SetReminder(Optional.empty()));
        assertThat(error("reminder 4").key()).isEqualTo("command.reminder.bad");
        assertThat(error("reminder 10m").key()).isEqualTo("command.reminder.range");
        assertThat(error("reminder 30h").key()).isEqualTo("command.reminder.range");
        assertThat(error("reminder soon").key()).isEqualTo("command.reminder.bad");
        assertThat(ok("timezone europe/amsterdam")).isEqualTo(new Command.SetTimezone(ZoneId.of("Europe/Amsterdam")));
        assertThat(error("timezone Mars/Olympus").key()).isEqualTo("command.timezone.unknown");
        assertThat(error("timezone").key()).isEqualTo("command.timezone.missing");
        assertThat(ok("language NL")).isEqualTo(new Command.SetLanguage(Language.NL));
        assertThat(error("language fr").key()).isEqualTo("command.language.unknown");
        assertThat(ok("threshold 5")).isEqualTo(new Command.SetThreshold(5));
        assertThat(error("threshold 2").key()).isEqualTo("command.threshold.tooLow");
        assertThat(error("threshold 51").key()).isEqualTo("command.threshold.tooHigh");
        assertThat(error("threshold many").key()).isEqualTo("command.threshold.notNumber");
    }

    @Test
    void readsTheRestAndRefusesStrayArguments() {
        assertThat(ok("")).isEqualTo(new Command.Help());
        assertThat(ok("HELP")).isEqualTo(new Command.Help());
        assertThat(ok("pause")).isEqualTo(new Command.Pause());
        assertThat(ok("send-now")).isEqualTo(new Command.SendNow());
        assertThat(ok("close-week")).isEqualTo(new Command.CloseWeek());
        assertThat(ok("nudges off")).isEqualTo(new Command.SetNudges(false));
        assertThat(ok("nudges aan")).isEqualTo(new Command.SetNudges(true));
        assertThat(ok("feedback More room for focus time, please"))
                .isEqualTo(new Command.GiveFeedback("More room for focus time, please"));
        assertThat(ok("forget-me")).isEqualTo(new Command.ForgetMe());
        assertThat(ok("doctor")).isEqualTo(new Command.Doctor());
        assertThat(error("doctor now").key()).isEqualTo("command.noArguments");
        assertThat(error("pause now").key()).isEqualTo("command.noArguments");
        assertThat(error("feedback").key()).isEqualTo("command.feedback.empty");
        assertThat(error("feedback " + "x".repeat(1001)).key()).isEqualTo("command.feedback.tooLong");
        assertThat(error("nudges maybe").key()).isEqualTo("command.nudges.bad");
        CommandError unknown = error("dance");
        assertThat(unknown.key()).isEqualTo("command.unknown");
        assertThat(unknown.args()).containsExactly("dance");
    }
}
