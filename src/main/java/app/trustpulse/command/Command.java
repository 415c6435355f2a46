package app.trustpulse.command;

import app.trustpulse.pulse.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A parsed command. Users and channels are platform ids. */
public sealed interface Command {

    Subcommand subcommand();

    record Help() implements Command {
        public Subcommand subcommand() { return Subcommand.HELP; }
    }

    /** A new team; its language is the service default unless given ("setup #team @ann nl"). */
    record Setup(Optional<String> channelId, Optional<String> leaderId, Optional<Language> language) implements Command {
        public Setup(Optional<String> channelId, Optional<String> leaderId) {
            this(channelId, leaderId, Optional.empty());
        }
        public Subcommand subcommand() { return Subcommand.SETUP; }
    }

    record MakeLeader(String userId) implements Command {
        public Subcommand subcommand() { return Subcommand.LEADER; }
    }

    record RemoveLeader(String userId) implements Command {
        public Subcommand subcommand() { return Subcommand.UNLEADER; }
    }

    record AddMembers(List<String> userIds) implements Command {
        public Subcommand subcommand() { return Subcommand.ADD; }
    }

    record RemoveMembers(List<String> userIds) implements Command {
        public Subcommand subcommand() { return Subcommand.REMOVE; }
    }

    record ScheduleCheckIns(Set<DayOfWeek> days, LocalTime time) implements Command {
        public Subcommand subcommand() { return Subcommand.SCHEDULE; }
    }

    record ScheduleSummary(DayOfWeek day, LocalTime time) implements Command {
        public Subcommand subcommand() { return Subcommand.SCHEDULE; }
    }

    record ScheduleNudges(Set<DayOfWeek> days, LocalTime time) implements Command {
        public Subcommand subcommand() { return Subcommand.SCHEDULE; }
    }

    /** Empty: reminders off. */
    record SetReminder(Optional<Duration> delay) implements Command {
        public Subcommand subcommand() { return Subcommand.REMINDER; }
    }

    record SetTimezone(ZoneId zone) implements Command {
        public Subcommand subcommand() { return Subcommand.TIMEZONE; }
    }

    record SetLanguage(Language language) implements Command {
        public Subcommand subcommand() { return Subcommand.LANGUAGE; }
    }

    record SetThreshold(int threshold) implements Command {
        public Subcommand subcommand() { return Subcommand.THRESHOLD; }
    }

    record Pause() implements Command {
        public Subcommand subcommand() { return Subcommand.PAUSE; }
    }

    record Resume() implements Command {
        public Subcommand subcommand() { return Subcommand.RESUME; }
    }

    record Status() implements Command {
        public Subcommand subcommand() { return Subcommand.STATUS; }
    }

    record SendNow() implements Command {
        public Subcommand subcommand() { return Subcommand.SEND_NOW; }
    }

    record CloseWeek() implements Command {
        public Subcommand subcommand() { return Subcommand.CLOSE_WEEK; }
    }

    record SetNudges(boolean on) implements Command {
        public Subcommand subcommand() { return Subcommand.NUDGES; }
    }

    record GiveFeedback(String text) implements Command {
        public Subcommand subcommand() { return Subcommand.FEEDBACK; }
    }

    record OptOut() implements Command {
        public Subcommand subcommand() { return Subcommand.OPTOUT; }
    }

    record OptIn() implements Command {
        public Subcommand subcommand() { return Subcommand.OPTIN; }
    }

    record MyData() implements Command {
        public Subcommand subcommand() { return Subcommand.MYDATA; }
    }

    record ForgetMe() implements Command {
        public Subcommand subcommand() { return Subcommand.FORGET_ME; }
    }
}
