package app.trustpulse.playground;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.inbound.Interaction;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.summary.ClosingWeeks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A whole week of the demo team in a few clicks: every check-in of the week at once (so each member meets all six
 * dimensions), made-up answers for everyone who has not answered yet, and the next week. Each goes through the same
 * use cases as Slack and Teams; only the made-up answers are the playground's own, and only for its demo team.
 */
final class PlayingTheWeek {

    private static final String ANSWER = "answer:";

    private final PlaygroundStore store;
    private final MessageJson json;
    private final ChatInbox inbox;
    private final TeamRepository teams;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final CheckIns sending;
    private final ClosingWeeks closing;
    private final PlaygroundCalendar calendar;
    private final PlaygroundTexts texts;
    private final int historyLimit;

    PlayingTheWeek(
            PlaygroundStore store,
            MessageJson json,
            ChatInbox inbox,
            TeamRepository teams,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckIns sending,
            ClosingWeeks closing,
            PlaygroundCalendar calendar,
            PlaygroundTexts texts,
            int historyLimit) {
        this.store = store;
        this.json = json;
        this.inbox = inbox;
        this.teams = teams;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.sending = sending;
        this.closing = closing;
        this.calendar = calendar;
        this.texts = texts;
        this.historyLimit = historyLimit;
    }

    /** Every check-in of the week that has not gone out: one send-now per check-in day. */
    int sendWholeWeek() {
        Team team = demoTeam();
        WeekId week = openWeek(team);
        int sent = 0;
        for (int round = 0; round < team.schedule().checkInDays().size(); round++) {
            CheckIns.Round r = sending.sendNow(team.id());
            if (r.skippedBecause().filter(CheckIns.ALREADY_RUNNING::equals).isPresent()) {
                throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.sending");
            }
            if (r.skippedBecause().isPresent() || r.sent() == 0) {
                break;
            }
            sent += r.sent();
        }
        note(
                team,
                sent == 0 ? "playground.note.whole-week-sent-before" : "playground.note.whole-week-sent",
                week.week(),
                sent);
        return sent;
    }

    /**
     * Clicks a made-up score on every statement of this week's check-ins that nobody answered yet, as each person. The
     * scores are invented for the demo (a leader rates a little higher than the team, as leaders often do) and are
     * recorded like any click, so the pulse, the digest and the dashboard treat them as answers.
     */
    int answerForEveryone() {
        Team team = demoTeam();
        WeekId week = openWeek(team);
        int answered = 0;
        for (Person person : store.people(Playground.WORKSPACE)) {
            Map<Long, CheckIn> open = checkIns.ofUser(team.id(), person.userId(), week).stream()
                    .collect(Collectors.toMap(CheckIn::id, Function.identity()));
            if (open.isEmpty()) {
                continue;
            }
            for (StoredMessage message : store.messages(Playground.WORKSPACE, person.dm(), historyLimit)) {
                if (!StoredMessage.BOT.equals(message.author())) {
                    continue;
                }
                for (Block block : json.read(message.content()).blocks()) {
                    if (!(block instanceof Block.Scale scale)
                            || scale.selected().isPresent()) {
                        continue;
                    }
                    if (noticedOn(scale.actionPrefix()).map(open::containsKey).orElse(false)) {
                        // The optional question about a leader's promise gets a made-up answer too.
                        inbox.interaction(new Interaction(
                                        person.sender(),
                                        scale.actionPrefix() + demoNoticed(week, person.userId(), scale.actionPrefix()),
                                        Optional.empty(),
                                        Optional.of(PlaygroundGateway.ref(message))))
                                .ifPresent(reply -> store.addMessage(
                                        Playground.WORKSPACE,
                                        person.dm(),
                                        StoredMessage.BOT,
                                        Optional.of(person.userId()),
                                        json.write(reply)));
                        answered++;
                        continue;
                    }
                    Optional<CheckIn> checkIn = checkInOf(scale.actionPrefix()).map(open::get);
                    Optional<Dimension> dimension = dimensionOf(scale.actionPrefix());
                    if (checkIn.isEmpty() || dimension.isEmpty()) {
                        continue;
                    }
                    int score = demoScore(
                            week,
                            person.userId(),
                            dimension.get(),
                            checkIn.get().audience() == Role.LEADER);
                    inbox.interaction(new Interaction(
                                    person.sender(),
                                    scale.actionPrefix() + score,
                                    Optional.empty(),
                                    Optional.of(PlaygroundGateway.ref(message))))
                            .ifPresent(reply -> store.addMessage(
                                    Playground.WORKSPACE,
                                    person.dm(),
                                    StoredMessage.BOT,
                                    Optional.of(person.userId()),
                                    json.write(reply)));
                    answered++;
                }
            }
        }
        if (answered == 0) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.nothing-to-answer");
        }
        note(team, "playground.note.answered", answered);
        return answered;
    }

    /**
     * Closes this week if it is still open, as the team's own close at the end of the week would, and moves the
     * playground on to the next week, so the demo goes on week after week.
     */
    WeekId nextWeek() {
        Team team = demoTeam();
        if (!calendar.movable()) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.calendar-fixed");
        }
        WeekId was = closing.currentWeek(team.id());
        boolean closedNow = closing.closeNow(team.id()) == ClosingWeeks.Outcome.CLOSED;
        calendar.nextWeek();
        WeekId now = closing.currentWeek(team.id());
        note(
                team,
                closedNow ? "playground.note.next-week-closed" : "playground.note.next-week",
                now.week(),
                now.monday(),
                was.week());
        return now;
    }

    private WeekId openWeek(Team team) {
        WeekId week = closing.currentWeek(team.id());
        if (pulses.isClosed(team.id(), week)) {
            throw new PlaygroundRequestException(HttpStatus.CONFLICT, "playground.error.week-closed", week.week());
        }
        return week;
    }

    /** A word from the playground to the admin who clicked, in the channel and seen only by them. */
    private void note(Team team, String key, Object... args) {
        store.people(Playground.WORKSPACE).stream()
                .filter(Person::admin)
                .findFirst()
                .ifPresent(admin -> store.addMessage(
                        Playground.WORKSPACE,
                        Conversations.channel(Playground.TEAM_CHANNEL),
                        StoredMessage.BOT,
                        Optional.of(admin.userId()),
                        json.write(new ChatMessage(
                                texts.get(team.language(), key, args),
                                List.of(new Block.Context(texts.get(team.language(), key, args)))))));
    }

    private Team demoTeam() {
        return teams.findByChannel(Platform.PLAYGROUND, Playground.WORKSPACE, Playground.TEAM_CHANNEL)
                .orElseThrow(() -> new PlaygroundRequestException("playground.error.no-demo"));
    }

    /**
     * A made-up score, the same for the same person, week and dimension; around a level each week sets per
     * dimension.
     */
    static int demoScore(WeekId week, String userId, Dimension dimension, boolean leader) {
        double level = 3.0 + new Random(Objects.hash(week.ordinal(), dimension.name())).nextDouble() * 1.3;
        double own = new Random(Objects.hash(week.ordinal(), userId, dimension.name())).nextGaussian() * 0.8;
        long score = Math.round(level + (leader ? 0.9 : 0) + own);
        return (int) Math.max(1, Math.min(5, score));
    }

    /** A made-up answer about a promise, the same for the same person, week and question; mostly noticed. */
    static String demoNoticed(WeekId week, String userId, String question) {
        List<String> answers = List.of("yes", "yes", "partly", "no", "yes", Actions.CANT_SAY);
        return answers.get(new Random(Objects.hash(week.ordinal(), userId, question)).nextInt(answers.size()));
    }

    /** The check-in of a promise question's action prefix, {@code noticed:<check-in>:<promise>:}. */
    private static Optional<Long> noticedOn(String prefix) {
        String[] parts = prefix.split(":");
        if (!prefix.startsWith("noticed:") || parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The check-in of a scale's action prefix, {@code answer:<check-in>:<dimension>:}. */
    private static Optional<Long> checkInOf(String prefix) {
        String[] parts = prefix.split(":");
        if (!prefix.startsWith(ANSWER) || parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Dimension> dimensionOf(String prefix) {
        String[] parts = prefix.split(":");
        if (!prefix.startsWith(ANSWER) || parts.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(Dimension.valueOf(parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
