package app.trustpulse.checkin;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.Delivery;
import app.trustpulse.chat.DeliveryCutShort;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.checkin.CheckIns.ReminderRound;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.DeliveryClaim;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gentle reminder: only to people who have not answered their check-in, at most once a week per
 * person, never outside 08:00–18:00 of their own day. Each reminder is claimed on its check-in and sent with its
 * delivery id, so a round run again after a crash or a failure sends what is missing and nothing twice.
 */
final class Reminding {

    private static final Logger LOG = LoggerFactory.getLogger(Reminding.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final CheckInMessages messages;
    private final ChatGateways gateways;
    private final Duration claimTimeout;
    private final Clock clock;
    private final PulseMetrics metrics;
    private final PersonalAnswers answers;

    Reminding(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckInMessages messages,
            ChatGateways gateways,
            Duration claimTimeout,
            Clock clock,
            PulseMetrics metrics,
            PersonalAnswers answers) {
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.messages = messages;
        this.gateways = gateways;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.metrics = metrics;
        this.answers = answers;
    }

    /** Whether the person answered any statement of the check-in (a check-in keeps no such state itself). */
    private boolean answeredAny(Team team, CheckIn c) {
        return answers.of(team, c.userId(), c.week()).stream().anyMatch(a -> c.asks(a.dimension()));
    }

    /** Reminds everyone of the slot who has not answered; safe to run again. */
    public ReminderRound remind(long teamId, WeekId week, int slot) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty() || found.get().paused() || pulses.isClosed(teamId, week)) {
            return new ReminderRound(0, 0, 0);
        }
        Team team = found.get();
        List<CheckIn> ofWeek = checkIns.ofWeek(teamId, week);
        int sent = 0, inFlight = 0, failed = 0;
        for (CheckIn c : ofWeek) {
            if (c.slot() != slot || c.status() != CheckIn.Status.SENT || answeredAny(team, c)) {
                continue;
            }
            boolean remindedForAnotherSlot = ofWeek.stream()
                    .anyMatch(o -> o.userId().equals(c.userId())
                            && o.slot() != slot
                            && o.remindedAt().isPresent());
            Optional<Member> member = members.find(teamId, c.userId());
            if (remindedForAnotherSlot
                    || member.isEmpty()
                    || member.get().optedOut()
                    || !TeamSchedule.withinPromptHours(clock.instant()
                            .atZone(member.get().zoneOr(team.timezone()))
                            .toLocalTime())) {
                continue;
            }
            if (pulses.isClosed(teamId, week)) {
                break;
            }
            Instant now = clock.instant();
            Optional<DeliveryClaim> claim = checkIns.claimReminder(c.id(), now, now.minus(claimTimeout));
            if (claim.isEmpty()) {
                if (checkIns.reminderPending(c.id())) {
                    inFlight++;
                }
                continue;
            }
            try {
                gateways.of(team.platform())
                        .sendDirect(
                                new DirectAddress(team.platform(), team.workspaceId(), c.userId()),
                                messages.reminder(team, clock.instant()),
                                new Delivery(
                                        claim.get().deliveryId(), claim.get().triedBefore()));
                checkIns.markReminderSent(c.id());
                sent++;
                metrics.reminderSent(team.platform());
            } catch (ChatDeliveryException e) {
                if (!(e instanceof DeliveryCutShort)) {
                    checkIns.releaseReminder(c.id());
                }
                failed++;
                LOG.warn("reminder for check-in {} not delivered, tried again later: {}", c.id(), e.getMessage());
            }
        }
        return new ReminderRound(sent, inFlight, failed);
    }
}
