package app.trustpulse.command;

import java.util.Arrays;
import java.util.Optional;

/** The words after "/pulse", who may use them, and which team they need. */
public enum Subcommand {
    HELP("help", Who.ANYONE),
    SETUP("setup", Who.ADMIN),
    LEADER("leader", Who.ADMIN),
    UNLEADER("unleader", Who.ADMIN),
    ADD("add", Who.ADMIN),
    REMOVE("remove", Who.ADMIN),
    SCHEDULE("schedule", Who.ADMIN),
    REMINDER("reminder", Who.ADMIN),
    TIMEZONE("timezone", Who.ADMIN),
    LANGUAGE("language", Who.ADMIN),
    THRESHOLD("threshold", Who.ADMIN),
    PAUSE("pause", Who.ADMIN_OR_LEADER),
    RESUME("resume", Who.ADMIN_OR_LEADER),
    STATUS("status", Who.ADMIN_OR_LEADER),
    SEND_NOW("send-now", Who.ADMIN),
    CLOSE_WEEK("close-week", Who.ADMIN),
    NUDGES("nudges", Who.LEADER),
    FEEDBACK("feedback", Who.MEMBER),
    OPTOUT("optout", Who.MEMBER),
    OPTIN("optin", Who.MEMBER),
    MYDATA("mydata", Who.MEMBER),
    FORGET_ME("forget-me", Who.MEMBER);

    /** Who may run a subcommand. MEMBER means anyone in a team, leaders included. */
    public enum Who { ANYONE, MEMBER, LEADER, ADMIN_OR_LEADER, ADMIN }

    private final String word;
    private final Who who;

    Subcommand(String word, Who who) {
        this.word = word;
        this.who = who;
    }

    public String word() {
        return word;
    }

    public Who who() {
        return who;
    }

    /** The message key of its usage line, e.g. "usage.send-now". */
    public String usageKey() {
        return "usage." + word;
    }

    public String helpKey() {
        return "help." + word;
    }

    public static Optional<Subcommand> lookup(String word) {
        return Arrays.stream(values()).filter(s -> s.word.equalsIgnoreCase(word)).findFirst();
    }
}
