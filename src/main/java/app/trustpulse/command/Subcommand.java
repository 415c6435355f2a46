package app.trustpulse.command;

import java.util.Arrays;
import java.util.Optional;

/** The words after "/pulse", who may use them, and which team they need. */
public enum Subcommand {
    HELP("help", Who.ANYONE, false),
    SETUP("setup", Who.ADMIN, false),
    LEADER("leader", Who.ADMIN, true),
    UNLEADER("unleader", Who.ADMIN, true),
    ADD("add", Who.ADMIN, true),
    REMOVE("remove", Who.ADMIN, true),
    SCHEDULE("schedule", Who.ADMIN, true),
    REMINDER("reminder", Who.ADMIN, true),
    TIMEZONE("timezone", Who.ADMIN, true),
    LANGUAGE("language", Who.ADMIN, true),
    THRESHOLD("threshold", Who.ADMIN, true),
    PAUSE("pause", Who.ADMIN_OR_LEADER, true),
    RESUME("resume", Who.ADMIN_OR_LEADER, true),
    STATUS("status", Who.ADMIN_OR_LEADER, true),
    SEND_NOW("send-now", Who.ADMIN, true),
    CLOSE_WEEK("close-week", Who.ADMIN, true),
    WORK("work", Who.ADMIN, false),
    DOCTOR("doctor", Who.ADMIN, false),
    NUDGES("nudges", Who.LEADER, false),
    PROMISE("promise", Who.LEADER, true),
    FEEDBACK("feedback", Who.MEMBER, true),
    OPTOUT("optout", Who.MEMBER, false),
    OPTIN("optin", Who.MEMBER, false),
    MYDATA("mydata", Who.MEMBER, false),
    FORGET_ME("forget-me", Who.MEMBER, false);

    /** Who may run a subcommand. MEMBER means anyone in a team, leaders included. */
    public enum Who {
        ANYONE,
        MEMBER,
        LEADER,
        ADMIN_OR_LEADER,
        ADMIN
    }

    private final String word;
    private final Who who;
    private final boolean needsTeam;

    Subcommand(String word, Who who, boolean needsTeam) {
        this.word = word;
        this.who = who;
        this.needsTeam = needsTeam;
    }

    /**
     * Whether it works on the team of the channel (or the person's only team). The others work on the person's own
     * memberships wherever they are typed, or, like setup, make a team.
     */
    public boolean needsTeam() {
        return needsTeam;
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
        return Arrays.stream(values())
                .filter(s -> s.word.equalsIgnoreCase(word))
                .findFirst();
    }
}
