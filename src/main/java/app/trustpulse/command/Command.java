package app.trustpulse.command;

import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** A parsed command. Users and channels are platform ids. */
sealed interface Command {

    Subcommand subcommand();

    /** Hands the command to the handler's method for its kind. */
    <R> R accept(Handler<R> handler);

    /**
     * One method per kind of command. A new kind of command does not compile until every handler handles it, so none
     * can be forgotten at run time.
     */
    interface Handler<R> {
        R help(Help command);

        R setup(Setup command);

        R makeLeader(MakeLeader command);

        R removeLeader(RemoveLeader command);

        R rateLeader(RateLeader command);

        R addMembers(AddMembers command);

        R removeMembers(RemoveMembers command);

        R scheduleCheckIns(ScheduleCheckIns command);

        R scheduleSummary(ScheduleSummary command);

        R scheduleNudges(ScheduleNudges command);

        R setReminder(SetReminder command);

        R setTimezone(SetTimezone command);

        R setLanguage(SetLanguage command);

        R setThreshold(SetThreshold command);

        R pause(Pause command);

        R resume(Resume command);

        R status(Status command);

        R sendNow(SendNow command);

        R closeWeek(CloseWeek command);

        R work(Work command);

        R doctor(Doctor command);

        R setNudges(SetNudges command);

        R promise(SetPromise command);

        R giveFeedback(GiveFeedback command);

        R optOut(OptOut command);

        R optIn(OptIn command);

        R myData(MyData command);

        R forgetMe(ForgetMe command);
    }

    record Help() implements Command {
        public Subcommand subcommand() {
            return Subcommand.HELP;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.help(this);
        }
    }

    /** A new team; its language is the service default unless given ("setup #team @ann nl"). */
    record Setup(Optional<String> channelId, Optional<String> leaderId, Optional<Language> language)
            implements Command {
        public Setup(Optional<String> channelId, Optional<String> leaderId) {
            this(channelId, leaderId, Optional.empty());
        }

        public Subcommand subcommand() {
            return Subcommand.SETUP;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setup(this);
        }
    }

    record MakeLeader(String userId) implements Command {
        public Subcommand subcommand() {
            return Subcommand.LEADER;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.makeLeader(this);
        }
    }

    /** Makes a leader the one the team's statements name, from the next week. */
    record RateLeader(String userId) implements Command {
        public Subcommand subcommand() {
            return Subcommand.LEADER;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.rateLeader(this);
        }
    }

    record RemoveLeader(String userId) implements Command {
        public Subcommand subcommand() {
            return Subcommand.UNLEADER;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.removeLeader(this);
        }
    }

    record AddMembers(List<String> userIds) implements Command {
        public Subcommand subcommand() {
            return Subcommand.ADD;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.addMembers(this);
        }
    }

    record RemoveMembers(List<String> userIds) implements Command {
        public Subcommand subcommand() {
            return Subcommand.REMOVE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.removeMembers(this);
        }
    }

    record ScheduleCheckIns(Set<DayOfWeek> days, LocalTime time) implements Command {
        public Subcommand subcommand() {
            return Subcommand.SCHEDULE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.scheduleCheckIns(this);
        }
    }

    record ScheduleSummary(DayOfWeek day, LocalTime time) implements Command {
        public Subcommand subcommand() {
            return Subcommand.SCHEDULE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.scheduleSummary(this);
        }
    }

    record ScheduleNudges(Set<DayOfWeek> days, LocalTime time) implements Command {
        public Subcommand subcommand() {
            return Subcommand.SCHEDULE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.scheduleNudges(this);
        }
    }

    /** Empty: reminders off. */
    record SetReminder(Optional<Duration> delay) implements Command {
        public Subcommand subcommand() {
            return Subcommand.REMINDER;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setReminder(this);
        }
    }

    record SetTimezone(ZoneId zone) implements Command {
        public Subcommand subcommand() {
            return Subcommand.TIMEZONE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setTimezone(this);
        }
    }

    record SetLanguage(Language language) implements Command {
        public Subcommand subcommand() {
            return Subcommand.LANGUAGE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setLanguage(this);
        }
    }

    record SetThreshold(int threshold) implements Command {
        public Subcommand subcommand() {
            return Subcommand.THRESHOLD;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setThreshold(this);
        }
    }

    record Pause() implements Command {
        public Subcommand subcommand() {
            return Subcommand.PAUSE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.pause(this);
        }
    }

    record Resume() implements Command {
        public Subcommand subcommand() {
            return Subcommand.RESUME;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.resume(this);
        }
    }

    record Status() implements Command {
        public Subcommand subcommand() {
            return Subcommand.STATUS;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.status(this);
        }
    }

    record SendNow() implements Command {
        public Subcommand subcommand() {
            return Subcommand.SEND_NOW;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.sendNow(this);
        }
    }

    record CloseWeek() implements Command {
        public Subcommand subcommand() {
            return Subcommand.CLOSE_WEEK;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.closeWeek(this);
        }
    }

    /**
     * The service's work that failed all of its tries: list it, or send back to the queue or drop one piece (by its
     * number) or all of them (no number).
     */
    record Work(Action action, OptionalLong id) implements Command {
        public enum Action {
            LIST,
            RETRY,
            DROP
        }

        public Subcommand subcommand() {
            return Subcommand.WORK;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.work(this);
        }
    }

    /** Checks what the install needs and says what to fix. */
    record Doctor() implements Command {
        public Subcommand subcommand() {
            return Subcommand.DOCTOR;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.doctor(this);
        }
    }

    record SetNudges(boolean on) implements Command {
        public Subcommand subcommand() {
            return Subcommand.NUDGES;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.setNudges(this);
        }
    }

    /** A leader's focus and promise: show it, make or change it ("promise safety I will …"), or end it. */
    record SetPromise(Action action, Optional<Dimension> focus, String text) implements Command {
        public enum Action {
            SHOW,
            MAKE,
            END
        }

        public Subcommand subcommand() {
            return Subcommand.PROMISE;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.promise(this);
        }
    }

    record GiveFeedback(String text) implements Command {
        public Subcommand subcommand() {
            return Subcommand.FEEDBACK;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.giveFeedback(this);
        }
    }

    record OptOut() implements Command {
        public Subcommand subcommand() {
            return Subcommand.OPTOUT;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.optOut(this);
        }
    }

    record OptIn() implements Command {
        public Subcommand subcommand() {
            return Subcommand.OPTIN;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.optIn(this);
        }
    }

    record MyData() implements Command {
        public Subcommand subcommand() {
            return Subcommand.MYDATA;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.myData(this);
        }
    }

    record ForgetMe() implements Command {
        public Subcommand subcommand() {
            return Subcommand.FORGET_ME;
        }

        public <R> R accept(Handler<R> handler) {
            return handler.forgetMe(this);
        }
    }
}
