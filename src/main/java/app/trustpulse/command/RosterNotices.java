package app.trustpulse.command;

import static app.trustpulse.command.RunningCommands.ROSTER_NOTICE_KIND;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DeliveryCutShort;
import app.trustpulse.chat.Mentions;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.RosterNoticeRepository;
import app.trustpulse.pulse.RosterNoticeRepository.Change;
import app.trustpulse.pulse.RosterNoticeRepository.Notice;
import app.trustpulse.pulse.RosterNoticeRepository.Person;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces in a team's channel every change to who is in the team, and who made it: an admin who quietly added two
 * accounts of their own could otherwise read the averages and work out the one real person's answers. A notice is
 * stored before its change is made, under the key of the request or event that makes it, so that request handled again
 * (after a crash, or redelivered by the platform) finds it stored and announces nothing twice. It is posted from the
 * durable queue like a week step: claimed with a delivery id kept across claims, so a crash or a failed post neither
 * loses nor doubles it.
 */
final class RosterNotices {

    /**
     * A notice still goes out this long after the change (the service was down, the platform kept refusing); not
     * later.
     */
    static final Duration POST_WITHIN = Duration.ofDays(7);

    /** A notice names this many people at most; more are counted, so a bulk add stays one readable message. */
    static final int NAMED_AT_MOST = 10;

    private static final Logger LOG = LoggerFactory.getLogger(RosterNotices.class);

    /** Who makes a change, and the key of the request or event that makes it (the same when it is handled again). */
    public record Cause(Optional<Person> by, String key) {

        public static Cause by(Person person, String key) {
            return new Cause(Optional.of(person), key);
        }
    }

    private final TeamRepository teams;
    private final RosterNoticeRepository notices;
    private final ChatGateways gateways;
    private final Texts texts;
    private final WorkQueue work;
    private final Duration claimTimeout;
    private final Clock clock;

    RosterNotices(
            TeamRepository teams,
            RosterNoticeRepository notices,
            ChatGateways gateways,
            Texts texts,
            WorkQueue work,
            Duration claimTimeout,
            Clock clock) {
        this.teams = teams;
        this.notices = notices;
        this.gateways = gateways;
        this.texts = texts;
        this.work = work;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
    }

    /**
     * A key for a change that comes with no request or event id: it is handled only once, so any unique key will do.
     */
    public static String onceKey() {
        return "once:" + UUID.randomUUID();
    }

    /** A team set up with {@code people} people, {@code leaders} of them leaders: one notice, not one per person. */
    void setUp(Team team, Cause cause, int people, int leaders) {
        announce(new Notice(
                team.id(), cause.key(), Change.SETUP, cause.by(), List.of(), people, leaders, clock.instant()));
    }

    /** A change to the given people, about to be made. */
    public void announce(Team team, Cause cause, Change change, List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        announce(new Notice(team.id(), cause.key(), change, cause.by(), people, people.size(), 0, clock.instant()));
    }

    private void announce(Notice notice) {
        notices.record(notice);
        // Queued even when the notice was stored before: the run that stored it may have died before it queued it.
        queue(notice.teamId(), notice.key());
    }

    private void queue(long teamId, String key) {
        work.enqueue(ROSTER_NOTICE_KIND, teamId + ":" + key, "");
    }

    /** On start: queues every notice left unposted (the instance died before or while it posted one). */
    public void resumeAll() {
        notices.waitingSince(clock.instant().minus(POST_WITHIN)).forEach(w -> queue(w.teamId(), w.key()));
    }

    /** Posts the notice a work key names; true when it is posted (now or before), false to be tried again later. */
    public boolean post(String workKey) {
        int colon = workKey.indexOf(':');
        return post(Long.parseLong(workKey.substring(0, colon)), workKey.substring(colon + 1));
    }

    boolean post(long teamId, String key) {
        Instant now = clock.instant();
        Optional<DeliveryClaim> claim = notices.claim(teamId, key, now, now.minus(claimTimeout));
        if (claim.isEmpty()) {
            // Posted before, or another sender holds it and may still fail: then this is tried again.
            return notices.waiting(teamId, key).isEmpty();
        }
        Optional<Notice> notice = notices.waiting(teamId, key);
        Optional<Team> team = teams.find(teamId);
        if (notice.isEmpty() || team.isEmpty()) {
            notices.posted(teamId, key, clock.instant());
            return true;
        }
        try {
            gateways.of(team.get().platform())
                    .postToChannel(
                            ChannelAddress.of(team.get()),
                            message(team.get(), notice.get()),
                            new Delivery(claim.get().deliveryId(), claim.get().triedBefore()));
            notices.posted(teamId, key, clock.instant());
            return true;
        } catch (ChatDeliveryException e) {
            if (!(e instanceof DeliveryCutShort)) {
                notices.release(teamId, key);
            }
            LOG.warn("roster notice for team {} not posted yet, tried again later: {}", teamId, e.getMessage());
            return false;
        }
    }

    /** The notice as the channel reads it, in the team's language. */
    ChatMessage message(Team team, Notice n) {
        Language lang = team.language();
        String by = n.by().map(RosterNotices::mention).orElse("");
        String people = names(lang, n.people());
        int count = n.people().size();
        // Newcomers count from the week after the one they joined in, in the team's timezone.
        int countsFrom = WeekId.of(n.createdAt(), team.timezone()).plus(1).week();
        String text = switch (n.change()) {
            case SETUP -> texts.get(lang, "roster.setup", by, n.count(), n.leaders());
            case ADDED -> texts.get(lang, "roster.added", by, people, countsFrom);
            case JOINED -> texts.get(lang, "roster.joined", people, count, countsFrom);
            case REMOVED -> texts.get(lang, "roster.removed", by, people);
            case LEFT -> texts.get(lang, "roster.left", people, count);
            case LEADER_ADDED -> texts.get(lang, "roster.leaderAdded", by, people);
            case MADE_LEADER -> texts.get(lang, "roster.madeLeader", by, people);
            case MADE_MEMBER -> texts.get(lang, "roster.madeMember", by, people);
            case RATED_LEADER -> texts.get(lang, "roster.ratedLeader", by, people, countsFrom);
        };
        return ChatMessage.text(text);
    }

    static String mention(Person p) {
        return Mentions.person(p.userId(), p.displayName());
    }

    /** "A", "A and B", "A, B and C"; past {@link #NAMED_AT_MOST}, the first few and how many others. */
    private String names(Language lang, List<Person> people) {
        List<String> named = new ArrayList<>();
        int shown = people.size() <= NAMED_AT_MOST ? people.size() : NAMED_AT_MOST - 1;
        for (int i = 0; i < shown; i++) {
            named.add(mention(people.get(i)));
        }
        if (shown < people.size()) {
            named.add(texts.get(lang, "roster.others", people.size() - shown));
        }
        if (named.size() <= 1) {
            return named.isEmpty() ? "" : named.get(0);
        }
        String allButLast = String.join(", ", named.subList(0, named.size() - 1));
        return texts.get(lang, "roster.and", allButLast, named.get(named.size() - 1));
    }
}
