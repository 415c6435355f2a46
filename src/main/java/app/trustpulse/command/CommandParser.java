package app.trustpulse.command;

import app.trustpulse.promise.Promise;
import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.TeamSchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the words after "/pulse" into a command, or into an error that says what was wrong. */
final class CommandParser {

    public static final Duration SHORTEST_REMINDER = Duration.ofMinutes(30);
    public static final Duration LONGEST_REMINDER = Duration.ofHours(24);
    public static final int FEEDBACK_MAX = 1000;

    private static final Pattern USER = Pattern.compile("<@([^>|]+)(?:\\|[^>]*)?>");
    private static final Pattern CHANNEL = Pattern.compile("<#([^>|]+)(?:\\|[^>]*)?>");
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");
    /** 4h, 1h30m, 30m, and the Dutch 4u, 1u30, 30min. */
    private static final Pattern DURATION =
            Pattern.compile("(\\d{1,2})[hu](?:(\\d{1,2})(?:m|min)?)?|(\\d{1,4})(?:m|min)");

    private static final Map<String, DayOfWeek> DAYS = days();
    private static final Set<String> RATED = Set.of("rated", "beoordeeld");

    /** Either a command or an error. */
    public record Result(Optional<Command> command, Optional<CommandError> error) {
        static Result ok(Command c) {
            return new Result(Optional.of(c), Optional.empty());
        }

        static Result error(CommandError e) {
            return new Result(Optional.empty(), Optional.of(e));
        }
    }

    private static final class Invalid extends RuntimeException {
        private final CommandError error;

        Invalid(CommandError error) {
            super(error.key(), null, false, false);
            this.error = error;
        }
    }

    /** The subcommand the text names, before its arguments are read. */
    public Optional<Subcommand> subcommandOf(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? Optional.of(Subcommand.HELP) : Subcommand.lookup(trimmed.split("\\s+", 2)[0]);
    }

    public Result parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return Result.ok(new Command.Help());
        }
        String[] parts = trimmed.split("\\s+", 2);
        String word = parts[0];
        String rest = parts.length > 1 ? parts[1].strip() : "";
        Optional<Subcommand> sub = Subcommand.lookup(word);
        if (sub.isEmpty()) {
            return Result.error(new CommandError("command.unknown", List.of(word), Optional.empty()));
        }
        try {
            return Result.ok(parse(sub.get(), rest));
        } catch (Invalid e) {
            return Result.error(e.error);
        }
    }

    /** An exhaustive switch: a new subcommand does not compile until it is read here. */
    private Command parse(Subcommand sub, String rest) {
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("\\s+"));
        return switch (sub) {
            case HELP -> new Command.Help();
            case SETUP -> setup(args);
            case LEADER -> leader(args);
            case UNLEADER -> new Command.RemoveLeader(oneUser(sub, args));
            case ADD -> new Command.AddMembers(users(sub, args));
            case REMOVE -> new Command.RemoveMembers(users(sub, args));
            case SCHEDULE -> schedule(args);
            case REMINDER -> reminder(args);
            case TIMEZONE -> timezone(args);
            case LANGUAGE -> language(args);
            case THRESHOLD -> threshold(args);
            case NUDGES -> nudges(args);
            case FEEDBACK -> feedback(rest);
            case PROMISE -> promise(rest);
            case PAUSE -> noArguments(sub, args, new Command.Pause());
            case RESUME -> noArguments(sub, args, new Command.Resume());
            case STATUS -> noArguments(sub, args, new Command.Status());
            case SEND_NOW -> noArguments(sub, args, new Command.SendNow());
            case CLOSE_WEEK -> noArguments(sub, args, new Command.CloseWeek());
            case WORK -> work(args);
            case DOCTOR -> noArguments(sub, args, new Command.Doctor());
            case OPTOUT -> noArguments(sub, args, new Command.OptOut());
            case OPTIN -> noArguments(sub, args, new Command.OptIn());
            case MYDATA -> noArguments(sub, args, new Command.MyData());
            case FORGET_ME -> noArguments(sub, args, new Command.ForgetMe());
        };
    }

    private static Command noArguments(Subcommand sub, List<String> args, Command command) {
        if (!args.isEmpty()) {
            throw new Invalid(CommandError.of(sub, "command.noArguments", sub.word()));
        }
        return command;
    }

    private static Command setup(List<String> args) {
        Optional<String> channel = Optional.empty();
        Optional<String> leader = Optional.empty();
        Optional<Language> language = Optional.empty();
        for (String a : args) {
            Matcher c = CHANNEL.matcher(a);
            Matcher u = USER.matcher(a);
            Optional<Language> l = Language.lookup(a.toLowerCase(Locale.ROOT));
            if (c.matches() && channel.isEmpty()) {
                channel = Optional.of(c.group(1));
            } else if (u.matches() && leader.isEmpty()) {
                leader = Optional.of(u.group(1));
            } else if (l.isPresent() && language.isEmpty()) {
                language = l;
            } else {
                throw new Invalid(CommandError.of(Subcommand.SETUP, "command.setup.unexpected", a));
            }
        }
        return new Command.Setup(channel, leader, language);
    }

    /** "leader @ann" makes Ann a leader; "leader rated @ann" (Dutch: "beoordeeld") makes her the rated leader. */
    private static Command leader(List<String> args) {
        if (!args.isEmpty() && RATED.contains(args.get(0).toLowerCase(Locale.ROOT))) {
            return new Command.RateLeader(oneUser(Subcommand.LEADER, args.subList(1, args.size())));
        }
        return new Command.MakeLeader(oneUser(Subcommand.LEADER, args));
    }

    private static String oneUser(Subcommand sub, List<String> args) {
        if (args.size() != 1) {
            throw new Invalid(CommandError.of(sub, args.isEmpty() ? "command.user.missing" : "command.user.one"));
        }
        return user(sub, args.get(0));
    }

    private static List<String> users(Subcommand sub, List<String> args) {
        if (args.isEmpty()) {
            throw new Invalid(CommandError.of(sub, "command.user.missing"));
        }
        List<String> ids = new ArrayList<>();
        for (String a : args) {
            String id = user(sub, a);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String user(Subcommand sub, String arg) {
        Matcher m = USER.matcher(arg);
        if (!m.matches()) {
            throw new Invalid(CommandError.of(sub, "command.user.notMention", arg));
        }
        return m.group(1);
    }

    private static Command schedule(List<String> args) {
        if (args.size() < 3) {
            throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.incomplete"));
        }
        String what = args.get(0).toLowerCase(Locale.ROOT);
        String daysText = String.join(",", args.subList(1, args.size() - 1));
        LocalTime time = time(args.get(args.size() - 1));
        switch (what) {
            case "checkins", "check-ins", "checkin", "check-in": {
                if (!TeamSchedule.withinPromptHours(time)) {
                    throw new Invalid(CommandError.of(
                            Subcommand.SCHEDULE, "command.schedule.promptHours", args.get(args.size() - 1)));
                }
                return new Command.ScheduleCheckIns(days(daysText), time);
            }
            case "summary", "weekpuls", "puls": {
                Set<DayOfWeek> days = days(daysText);
                if (days.size() != 1) {
                    throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.oneDay", daysText));
                }
                return new Command.ScheduleSummary(days.iterator().next(), time);
            }
            case "nudges", "tips": {
                if (!TeamSchedule.withinPromptHours(time)) {
                    throw new Invalid(CommandError.of(
                            Subcommand.SCHEDULE, "command.schedule.promptHours", args.get(args.size() - 1)));
                }
                return new Command.ScheduleNudges(days(daysText), time);
            }
            default:
                throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.what", args.get(0)));
        }
    }

    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            if (part.equals("weekdays") || part.equals("werkdagen")) {
                days.addAll(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
                continue;
            }
            String[] range = part.split("-");
            if (range.length == 2) {
                DayOfWeek from = day(range[0]);
                DayOfWeek to = day(range[1]);
                if (to.compareTo(from) < 0) {
                    throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.badRange", part));
                }
                days.addAll(EnumSet.range(from, to));
            } else {
                days.add(day(part));
            }
        }
        if (days.isEmpty()) {
            throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.noDays"));
        }
        return days;
    }

    private static DayOfWeek day(String word) {
        DayOfWeek d = DAYS.get(word.strip().replace(".", ""));
        if (d == null) {
            throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.badDay", word.strip()));
        }
        return d;
    }

    private static LocalTime time(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw new Invalid(CommandError.of(Subcommand.SCHEDULE, "command.schedule.badTime", text));
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    private static Command reminder(List<String> args) {
        if (args.size() != 1) {
            throw new Invalid(CommandError.of(Subcommand.REMINDER, "command.reminder.bad", String.join(" ", args)));
        }
        String a = args.get(0).toLowerCase(Locale.ROOT);
        if (a.equals("off") || a.equals("uit")) {
            return new Command.SetReminder(Optional.empty());
        }
        Matcher m = DURATION.matcher(a);
        if (!m.matches()) {
            throw new Invalid(CommandError.of(Subcommand.REMINDER, "command.reminder.bad", args.get(0)));
        }
        String minutes = m.group(2) != null ? m.group(2) : m.group(3);
        Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(minutes == null ? 0 : Long.parseLong(minutes));
        if (d.compareTo(SHORTEST_REMINDER) < 0 || d.compareTo(LONGEST_REMINDER) > 0) {
            throw new Invalid(CommandError.of(Subcommand.REMINDER, "command.reminder.range", args.get(0)));
        }
        return new Command.SetReminder(Optional.of(d));
    }

    private static Command timezone(List<String> args) {
        if (args.size() != 1) {
            throw new Invalid(CommandError.of(Subcommand.TIMEZONE, "command.timezone.missing"));
        }
        String wanted = args.get(0);
        return ZoneId.getAvailableZoneIds().stream()
                .filter(z -> z.equalsIgnoreCase(wanted) && (z.contains("/") || z.equals("UTC")))
                .findFirst()
                .map(z -> new Command.SetTimezone(ZoneId.of(z)))
                .orElseThrow(
                        () -> new Invalid(CommandError.of(Subcommand.TIMEZONE, "command.timezone.unknown", wanted)));
    }

    private static Command language(List<String> args) {
        if (args.size() != 1) {
            throw new Invalid(CommandError.of(Subcommand.LANGUAGE, "command.language.unknown", String.join(" ", args)));
        }
        return Language.lookup(args.get(0))
                .map(Command.SetLanguage::new)
                .orElseThrow(() ->
                        new Invalid(CommandError.of(Subcommand.LANGUAGE, "command.language.unknown", args.get(0))));
    }

    private static Command threshold(List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,4}")) {
            throw new Invalid(
                    CommandError.of(Subcommand.THRESHOLD, "command.threshold.notNumber", String.join(" ", args)));
        }
        int n = Integer.parseInt(args.get(0));
        Optional<AnonymityPolicy.ThresholdProblem> problem = AnonymityPolicy.checkSetting(n);
        if (problem.isPresent()) {
            throw new Invalid(CommandError.of(
                    Subcommand.THRESHOLD,
                    problem.get() == AnonymityPolicy.ThresholdProblem.TOO_LOW
                            ? "command.threshold.tooLow"
                            : "command.threshold.tooHigh",
                    args.get(0)));
        }
        return new Command.SetThreshold(n);
    }

    /** "work", "work retry 12", "work retry all", "work drop 12", "work drop all". */
    private static Command work(List<String> args) {
        if (args.isEmpty()) {
            return new Command.Work(Command.Work.Action.LIST, OptionalLong.empty());
        }
        String what = args.get(0).toLowerCase(Locale.ROOT);
        Command.Work.Action action = switch (what) {
            case "retry" -> Command.Work.Action.RETRY;
            case "drop" -> Command.Work.Action.DROP;
            default -> throw new Invalid(CommandError.of(Subcommand.WORK, "command.work.bad", String.join(" ", args)));
        };
        if (args.size() == 2 && args.get(1).equalsIgnoreCase("all")) {
            return new Command.Work(action, OptionalLong.empty());
        }
        String number = args.size() == 2 ? args.get(1).replaceFirst("^#", "") : "";
        if (!number.matches("\\d{1,18}")) {
            throw new Invalid(CommandError.of(Subcommand.WORK, "command.work.bad", String.join(" ", args)));
        }
        return new Command.Work(action, OptionalLong.of(Long.parseLong(number)));
    }

    private static Command nudges(List<String> args) {
        if (args.size() == 1) {
            String a = args.get(0).toLowerCase(Locale.ROOT);
            if (a.equals("on") || a.equals("aan")) {
                return new Command.SetNudges(true);
            }
            if (a.equals("off") || a.equals("uit")) {
                return new Command.SetNudges(false);
            }
        }
        throw new Invalid(CommandError.of(Subcommand.NUDGES, "command.nudges.bad", String.join(" ", args)));
    }

    /** "promise", "promise end", "promise safety I will ask for a dissenting view in every planning meeting". */
    private static Command promise(String rest) {
        if (rest.isEmpty()) {
            return new Command.SetPromise(Command.SetPromise.Action.SHOW, Optional.empty(), "");
        }
        String[] words = rest.split("\\s+", 2);
        String first = words[0].replaceFirst(":$", "");
        if (words.length == 1 && (first.equalsIgnoreCase("end") || first.equalsIgnoreCase("stop"))) {
            return new Command.SetPromise(Command.SetPromise.Action.END, Optional.empty(), "");
        }
        Optional<Dimension> focus = Dimension.lookup(first);
        if (focus.isEmpty()) {
            throw new Invalid(CommandError.of(Subcommand.PROMISE, "command.promise.dimension", words[0]));
        }
        String text = words.length > 1 ? words[1].strip() : "";
        if (text.isEmpty()) {
            throw new Invalid(CommandError.of(Subcommand.PROMISE, "command.promise.empty", words[0]));
        }
        if (text.length() > Promise.MAX_LENGTH) {
            throw new Invalid(
                    CommandError.of(Subcommand.PROMISE, "command.promise.tooLong", String.valueOf(Promise.MAX_LENGTH)));
        }
        return new Command.SetPromise(Command.SetPromise.Action.MAKE, focus, text);
    }

    private static Command feedback(String rest) {
        if (rest.isBlank()) {
            throw new Invalid(CommandError.of(Subcommand.FEEDBACK, "command.feedback.empty"));
        }
        if (rest.length() > FEEDBACK_MAX) {
            throw new Invalid(
                    CommandError.of(Subcommand.FEEDBACK, "command.feedback.tooLong", String.valueOf(FEEDBACK_MAX)));
        }
        return new Command.GiveFeedback(rest);
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> m = new java.util.HashMap<>();
        String[][] names = {
            {"mon", "monday", "ma", "maandag"},
            {"tue", "tues", "tuesday", "di", "dinsdag"},
            {"wed", "wednesday", "wo", "woensdag"},
            {"thu", "thur", "thurs", "thursday", "do", "donderdag"},
            {"fri", "friday", "vr", "vrijdag"},
            {"sat", "saturday", "za", "zaterdag"},
            {"sun", "sunday", "zo", "zondag"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(m);
    }
}
