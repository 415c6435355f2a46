package app.trustpulse.checkin;

import static app.trustpulse.checkin.CheckIns.ALREADY_RUNNING;
import static app.trustpulse.checkin.CheckIns.RESUME_KIND;
import static app.trustpulse.checkin.CheckIns.RETRY_KIND;
import static app.trustpulse.checkin.CheckIns.WEEK_CLOSED;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.DeliveryCutShort;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.FanOut;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.checkin.CheckIns.Delivery;
import app.trustpulse.checkin.CheckIns.Round;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.MissedTriggers;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WorkQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends check-ins: the scheduled rounds, a person's own round when their timezone puts it later,
 * and "send-now". A check-in is stored before it is sent and claimed by one sender, so however often
 * a round runs, and on however many instances, nobody gets the same check-in twice.
 */
final class SendingCheckIns {

    private static final Logger LOG = LoggerFactory.getLogger(SendingCheckIns.class);
    /** A personal check-in due less than this after the team's round goes out with the round. */
    private static final Duration PERSONAL_SLACK = Duration.ofMinutes(5);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final CheckInPlanner planner;
    private final CheckInMessages messages;
    private final ChatGateways gateways;
    private final TeamTriggers triggers;
    private final WorkQueue work;
    private final Leases leases;
    private final Liveness liveness;
    private final Duration claimTimeout;
    private final Clock clock;
    private final PulseMetrics metrics;
    private final Pseudonymizer pseudonyms;
    private final PoolWeeks poolWeeks;
    private RatedLeaders ratedLeaders = RatedLeaders.none();

    SendingCheckIns(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckInPlanner planner,
            CheckInMessages messages,
            ChatGateways gateways,
            TeamTriggers triggers,
            WorkQueue work,
            Leases leases,
            Liveness liveness,
            Duration claimTimeout,
            Clock clock,
            PulseMetrics metrics,
            Pseudonymizer pseudonyms) {
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.planner = planner;
        this.messages = messages;
        this.gateways = gateways;
        this.triggers = triggers;
        this.work = work;
        this.leases = leases;
        this.liveness = liveness;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.metrics = metrics;
        this.pseudonyms = pseudonyms;
        this.poolWeeks = new PoolWeeks(members, pseudonyms, clock);
    }

    /** A round fired by the team's check-in trigger. A round missed on an earlier day is skipped. */
    public Round scheduledRound(long teamId, Instant scheduledAt) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty()) {
            return Round.skipped("no such team");
        }
        Team team = found.get();
        Instant now = clock.instant();
        ZonedDateTime fired = scheduledAt.atZone(team.timezone());
        if (!MissedTriggers.stillSameLocalDay(scheduledAt, now, team.timezone())) {
            return Round.skipped("missed on an earlier day");
        }
        if (team.paused()) {
            return Round.skipped("team paused");
        }
        int slot = team.schedule().checkInSlot(fired.getDayOfWeek());
        if (slot < 0) {
            return Round.skipped("not a check-in day");
        }
        WeekId week = WeekId.of(fired.toLocalDate());
        if (pulses.isClosed(teamId, week)) {
            return Round.skipped(WEEK_CLOSED);
        }
        int sent = 0, already = 0, failed = 0, deferred = 0, inFlight = 0;
        List<Member> due = new ArrayList<>();
        for (Member m : members.ofTeam(teamId)) {
            if (m.optedOut()) {
                continue;
            }
            Optional<Instant> personal = personalTime(team, m, fired.toLocalDate());
            if (personal.isPresent() && personal.get().isAfter(now.plus(PERSONAL_SLACK))) {
                triggers.planPersonalCheckIn(teamId, m.userId(), personal.get());
                deferred++;
                continue;
            }
            if (TeamSchedule.withinPromptHours(
                    now.atZone(m.zoneOr(team.timezone())).toLocalTime())) {
                due.add(m);
            }
        }
        Map<String, CheckIn> planned = planRound(team, due, week, slot);
        Function<CheckIn, ChatMessage> message = messages.forRound(team, week);
        for (Delivery d : FanOut.map(
                due,
                gateways.of(team.platform()).parallelSends(),
                m -> pulses.isClosed(teamId, week)
                        ? Delivery.WEEK_CLOSED
                        : send(team, m, Optional.ofNullable(planned.get(m.userId())), slot, message))) {
            switch (d) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case IN_FLIGHT -> inFlight++;
                case WEEK_CLOSED -> {
                    return Round.skipped(WEEK_CLOSED);
                }
                default -> already++;
            }
        }
        team.schedule().reminderDelay().ifPresent(delay -> triggers.planReminder(teamId, week, slot, now.plus(delay)));
        return new Round(sent, already, failed, deferred, inFlight, Optional.empty());
    }

    /** The round of one person whose own timezone made it later than the team's. */
    public Delivery personalRound(long teamId, String userId) {
        Optional<Team> team = teams.find(teamId);
        Optional<Member> member = members.find(teamId, userId);
        if (team.isEmpty()
                || member.isEmpty()
                || team.get().paused()
                || member.get().optedOut()) {
            return Delivery.NOTHING_LEFT;
        }
        Team t = team.get();
        ZonedDateTime local = clock.instant().atZone(member.get().zoneOr(t.timezone()));
        // It fires at the team's check-in time on the person's own clock, so their own date is the check-in day,
        // even where the team's zone has already moved on to the next day.
        LocalDate day = local.toLocalDate();
        WeekId week = WeekId.of(day);
        int slot = t.schedule().checkInSlot(day.getDayOfWeek());
        if (slot < 0 || pulses.isClosed(teamId, week) || !TeamSchedule.withinPromptHours(local.toLocalTime())) {
            return Delivery.NOTHING_LEFT;
        }
        return deliver(t, member.get(), week, slot);
    }

    /** A send-now that is run once (see {@link #sendNow(long, String)}). */
    public Round sendNow(long teamId) {
        return sendNow(teamId, UUID.randomUUID().toString());
    }

    /**
     * "send-now": everyone gets their next check-in of this week that they have not had yet. One send-now per team
     * runs at a time across all instances (a lease); a second one at the same moment is told so instead of sending a
     * second round. The round is planned first (a SCHEDULED check-in per person), marked planned, and then sent, and
     * a durable {@link CheckIns#RESUME_KIND} work item finishes it if this instance dies.
     *
     * <p>{@code round} names the request and stays the same when the request is run again after its instance died:
     * that run holds the lease as its own, plans only if the first run had not marked the round planned (planning
     * again is harmless then, as nothing of the round was sent), and otherwise only finishes it. A send-now that takes
     * over the lease of another one that died finishes that one's round, never plans a second, so nobody gets two.
     */
    public Round sendNow(long teamId, String round) {
        Team team = teams.find(teamId).orElseThrow();
        WeekId week = WeekId.of(clock.instant(), team.timezone());
        if (pulses.isClosed(teamId, week)) {
            return Round.skipped(WEEK_CLOSED);
        }
        Leases.Acquired acquired = leases.acquire(
                lease(teamId), round, clock.instant(), clock.instant().plus(claimTimeout));
        if (acquired == Leases.Acquired.BUSY) {
            return Round.skipped(ALREADY_RUNNING);
        }
        try {
            int last = team.schedule().checkInDays().size() - 1;
            List<Member> people =
                    members.ofTeam(teamId).stream().filter(m -> !m.optedOut()).toList();
            if (acquired != Leases.Acquired.TAKEN_OVER && !checkIns.isRoundPlanned(round)) {
                planRound(team, people, week, last);
                checkIns.markRoundPlanned(round, teamId, week, clock.instant());
                resumeLater(teamId, week);
            }
            Round sent = sendPlanned(team, week, people, last, round);
            if (sent.inFlight() > 0) {
                // Held by an instance not yet found dead (its heartbeat is checked apart from its work's).
                resumeLater(teamId, week);
            }
            return sent;
        } finally {
            leases.release(lease(teamId), round);
        }
    }

    /** Whether the send-now of that request planned its round, so running the request again only finishes it. */
    public boolean isPlanned(String round) {
        return checkIns.isRoundPlanned(round);
    }

    /**
     * Queues {@link #resumeSendNow}, due once this instance would count as dead: it matters only if this instance
     * dies, as then its lease and its claims end at that moment.
     */
    private void resumeLater(long teamId, WeekId week) {
        work.enqueueAt(RESUME_KIND, teamId + ":" + week, "", clock.instant().plus(liveness.deadAfter()));
    }

    /**
     * Finishes a send-now of the team's week: sends what it planned and did not send. Done at once when a live
     * send-now holds the lease: that one finishes the round and queues this again if it ends with check-ins still
     * held elsewhere; if its instance dies, its queued request runs again and finishes it (a send-now run directly, as
     * the playground's, has no such second run). False when check-ins are still held by an instance not yet found
     * dead, or failed: try again later.
     */
    public boolean resumeSendNow(long teamId, WeekId week) {
        Optional<Team> team = teams.find(teamId);
        if (team.isEmpty() || pulses.isClosed(teamId, week)) {
            return true;
        }
        String holder = UUID.randomUUID().toString();
        if (leases.acquire(
                        lease(teamId), holder, clock.instant(), clock.instant().plus(claimTimeout))
                == Leases.Acquired.BUSY) {
            return true;
        }
        try {
            int last = team.get().schedule().checkInDays().size() - 1;
            List<Member> people =
                    members.ofTeam(teamId).stream().filter(m -> !m.optedOut()).toList();
            Round round = sendPlanned(team.get(), week, people, last, holder);
            return round.failed() == 0 && round.inFlight() == 0;
        } finally {
            leases.release(lease(teamId), holder);
        }
    }

    private static String lease(long teamId) {
        return "send-now:" + teamId;
    }

    /**
     * Sends every planned, unsent check-in of the week, as many side by side as the platform takes; the lease is
     * renewed with every person.
     */
    private Round sendPlanned(Team team, WeekId week, List<Member> people, int last, String holder) {
        Function<CheckIn, ChatMessage> message = messages.forRound(team, week);
        List<Delivery> results = FanOut.map(people, gateways.of(team.platform()).parallelSends(), m -> {
            leases.acquire(
                    lease(team.id()), holder, clock.instant(), clock.instant().plus(claimTimeout));
            return deliver(team, m, week, last, false, message);
        });
        int sent = 0, already = 0, failed = 0, inFlight = 0;
        boolean closed = false;
        for (Delivery d : results) {
            switch (d) {
                case SENT -> sent++;
                case FAILED -> failed++;
                case IN_FLIGHT -> inFlight++;
                case WEEK_CLOSED -> closed = true;
                default -> already++;
            }
        }
        if (closed && sent == 0) {
            return Round.skipped(WEEK_CLOSED);
        }
        return new Round(sent, already, failed, 0, inFlight, Optional.empty());
    }

    /** A check-in whose delivery failed, tried again from the durable queue while its week is open. */
    public Delivery retry(long checkInId) {
        Optional<CheckIn> found = checkIns.find(checkInId);
        if (found.isEmpty()) {
            return Delivery.NOTHING_LEFT;
        }
        CheckIn c = found.get();
        Optional<Team> team = teams.find(c.teamId());
        Optional<Member> member = members.find(c.teamId(), c.userId());
        if (team.isEmpty()
                || member.isEmpty()
                || member.get().optedOut()
                || team.get().paused()) {
            return Delivery.NOTHING_LEFT;
        }
        return deliver(team.get(), member.get(), c.week(), c.slot());
    }

    /** Sends the person's first check-in of the week, up to the given slot, that has not gone out. */
    Delivery deliver(Team team, Member member, WeekId week, int maxSlot) {
        return deliver(team, member, week, maxSlot, true);
    }

    /**
     * Sends the person's first check-in of the week, up to the given slot, that has not gone out; with
     * {@code planNew} false only one planned before. A check-in another sender claimed counts as going out, unless
     * that sender's instance died (or the claim is older than the claim timeout): then the claim is taken back, and
     * the message is looked for by its delivery id before it is sent again. The week is checked right before the
     * send, so nothing goes out after a close on another instance.
     */
    private Delivery deliver(Team team, Member member, WeekId week, int maxSlot, boolean planNew) {
        return deliver(team, member, week, maxSlot, planNew, c -> messages.checkIn(team, c, Map.of(), Set.of(), true));
    }

    private Delivery deliver(
            Team team,
            Member member,
            WeekId week,
            int maxSlot,
            boolean planNew,
            Function<CheckIn, ChatMessage> message) {
        if (pulses.isClosed(team.id(), week)) {
            return Delivery.WEEK_CLOSED;
        }
        return send(team, member, planned(team, member, week, maxSlot, planNew), maxSlot, message);
    }

    /**
     * Sends a planned check-in, claimed first. A check-in planned with the round may have gone out since, so when the
     * claim fails its status is read again to tell one another sender still holds from one that went out.
     */
    private Delivery send(
            Team team, Member member, Optional<CheckIn> planned, int maxSlot, Function<CheckIn, ChatMessage> message) {
        if (planned.isEmpty()) {
            return maxSlot < 0 ? Delivery.NOTHING_LEFT : Delivery.ALREADY_SENT;
        }
        CheckIn stored = planned.get();
        if (stored.status() != CheckIn.Status.SCHEDULED && stored.status() != CheckIn.Status.SENDING) {
            return Delivery.ALREADY_SENT;
        }
        Instant now = clock.instant();
        Optional<DeliveryClaim> claim = checkIns.claimForSending(stored.id(), now, now.minus(claimTimeout));
        if (claim.isEmpty()) {
            return checkIns.find(stored.id()).map(CheckIn::status).orElse(stored.status()) == CheckIn.Status.SENDING
                    ? Delivery.IN_FLIGHT
                    : Delivery.ALREADY_SENT;
        }
        try {
            MessageRef ref = gateways.of(team.platform())
                    .sendDirect(
                            new DirectAddress(team.platform(), team.workspaceId(), member.userId()),
                            message.apply(stored),
                            new app.trustpulse.chat.Delivery(
                                    claim.get().deliveryId(), claim.get().triedBefore()));
            checkIns.markSent(stored.id(), clock.instant(), ref.encode());
            metrics.checkInSent(team.platform());
            return Delivery.SENT;
        } catch (ChatDeliveryException e) {
            if (!(e instanceof DeliveryCutShort)) {
                checkIns.releaseClaim(stored.id());
            }
            LOG.warn("check-in {} of team {} not delivered, tried again later", stored.id(), team.id(), e);
            work.enqueue(RETRY_KIND, String.valueOf(stored.id()), "");
            return Delivery.FAILED;
        }
    }

    /**
     * Statements about the leader name the leader each week is pinned to; without this, and in a week with no leader
     * to name, they say "my leader" (version 3).
     */
    SendingCheckIns namingLeaders(RatedLeaders leaders) {
        this.ratedLeaders = leaders;
        return this;
    }

    /**
     * The person's first check-in of the week, up to the given slot, that has not gone out: a planned one, or (with
     * {@code planNew}) a new one stored as SCHEDULED.
     */
    private Optional<CheckIn> planned(Team team, Member member, WeekId week, int maxSlot, boolean planNew) {
        Map<Integer, CheckIn> existing = bySlot(checkIns.ofUser(team.id(), member.userId(), week));
        Optional<Integer> slot = nextSlot(existing, maxSlot, planNew);
        if (slot.isEmpty()) {
            return Optional.empty();
        }
        if (existing.containsKey(slot.get())) {
            return Optional.of(existing.get(slot.get()));
        }
        boolean leaderNamed = member.role() != Role.MEMBER || namesALeader(team, week);
        return Optional.of(checkIns.createIfAbsent(plan(team, member, week, slot.get(), leaderNamed), clock.instant()));
    }

    /**
     * The check-ins of a round, planned for everyone at once: what the week already holds for each person, and those
     * not yet planned stored together in one statement, before any is sent. By person; a person with nothing left to
     * be asked up to the slot is left out.
     */
    private Map<String, CheckIn> planRound(Team team, List<Member> people, WeekId week, int maxSlot) {
        Map<String, Map<Integer, CheckIn>> held = byPerson(checkIns.ofWeek(team.id(), week));
        Map<String, Integer> slots = new HashMap<>();
        List<CheckIn> fresh = new ArrayList<>();
        Boolean leaderNamed = null;
        for (Member m : people) {
            Map<Integer, CheckIn> existing = held.getOrDefault(m.userId(), Map.of());
            Optional<Integer> slot = nextSlot(existing, maxSlot, true);
            if (slot.isEmpty()) {
                continue;
            }
            slots.put(m.userId(), slot.get());
            if (!existing.containsKey(slot.get())) {
                if (leaderNamed == null && m.role() == Role.MEMBER) {
                    leaderNamed = namesALeader(team, week);
                }
                fresh.add(plan(team, m, week, slot.get(), m.role() != Role.MEMBER || leaderNamed));
            }
        }
        if (!fresh.isEmpty()) {
            checkIns.createAllIfAbsent(fresh, clock.instant());
            held = byPerson(checkIns.ofWeek(team.id(), week));
        }
        Map<String, CheckIn> round = new HashMap<>();
        for (Map.Entry<String, Integer> e : slots.entrySet()) {
            CheckIn stored = held.getOrDefault(e.getKey(), Map.of()).get(e.getValue());
            if (stored != null) {
                round.put(e.getKey(), stored);
            }
        }
        return round;
    }

    /** The first slot up to {@code maxSlot} planned and not gone out, or (with {@code planNew}) not planned yet. */
    private static Optional<Integer> nextSlot(Map<Integer, CheckIn> existing, int maxSlot, boolean planNew) {
        for (int s = 0; s <= maxSlot; s++) {
            CheckIn c = existing.get(s);
            if (c == null ? planNew : c.status() == CheckIn.Status.SCHEDULED || c.status() == CheckIn.Status.SENDING) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The week is pinned to its rated leader with its first check-in, so all its statements name one person. */
    private boolean namesALeader(Team team, WeekId week) {
        return ratedLeaders.pin(team.id(), week).isPresent();
    }

    /** A new check-in of the person, not stored yet: the statements of the slot, in the person's own order. */
    private CheckIn plan(Team team, Member member, WeekId week, int slot, boolean leaderNamed) {
        // The order is keyed by the secret: from the id alone nobody can tell who was asked which dimension.
        long personKey = pseudonyms.rotationKey(team.id(), team.platform(), member.userId());
        List<StatementRef> statements = planner.plan(
                member.role(),
                personKey,
                poolWeeks.of(team, member),
                week,
                slot,
                team.schedule().checkInDays().size());
        if (!leaderNamed) {
            statements =
                    statements.stream().map(LeaderItems::forTeamWithoutLeader).toList();
        }
        return new CheckIn(
                0,
                team.id(),
                member.userId(),
                week,
                slot,
                member.role(),
                statements,
                CheckIn.Status.SCHEDULED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static Map<Integer, CheckIn> bySlot(List<CheckIn> ofOnePerson) {
        Map<Integer, CheckIn> bySlot = new HashMap<>();
        ofOnePerson.forEach(c -> bySlot.put(c.slot(), c));
        return bySlot;
    }

    private static Map<String, Map<Integer, CheckIn>> byPerson(List<CheckIn> ofTheWeek) {
        Map<String, Map<Integer, CheckIn>> byPerson = new HashMap<>();
        ofTheWeek.forEach(
                c -> byPerson.computeIfAbsent(c.userId(), u -> new HashMap<>()).put(c.slot(), c));
        return byPerson;
    }

    /** When this person's check-in is due by their own clock, if they have a timezone other than the team's. */
    private static Optional<Instant> personalTime(Team team, Member member, LocalDate teamDate) {
        return member.timezone()
                .filter(zone -> !zone.equals(team.timezone()))
                .map(zone -> teamDate.atTime(team.schedule().checkInTime())
                        .atZone(zone)
                        .toInstant());
    }
}
