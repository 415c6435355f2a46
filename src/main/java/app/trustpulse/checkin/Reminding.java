package app.trustpulse.checkin;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gentle reminder: only to people who have not answered their check-in, at most once a week per
 * person, never outside 08:00–18:00 of their own day.
 */
public final class Reminding {

    private static final Logger LOG = LoggerFactory.getLogger(Reminding.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final CheckInMessages messages;
    private final ChatGateways gateways;
    private final Clock clock;
    private final PulseMetrics metrics;

    public Reminding(TeamRepository teams, MemberRepository members, CheckInRepository checkIns, PulseRepository pulses,
                     CheckInMessages messages, ChatGateways gateways, Clock clock, PulseMetrics metrics) {
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.messages = messages;
        this.gateways = gateways;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** @return how many reminders went out */
    public int remind(long teamId, WeekId week, int slot) {
        Optional<Team> found = teams.find(teamId);
        if (found.isEmpty() || found.get().paused() || pulses.isClosed(teamId, week)) {
            return 0;
        }
        Team team = found.get();
        List<CheckIn> ofWeek = checkIns.ofWeek(teamId, week);
        int sent = 0;
        for (CheckIn c : ofWeek) {
            if (c.slot() != slot || c.status() != CheckIn.Status.SENT) {
                continue;
            }
            boolean remindedThisWeek = ofWeek.stream()
                    .anyMatch(o -> o.userId().equals(c.userId()) && o.remindedAt().isPresent());
            Optional<Member> member = members.find(teamId, c.userId());
            if (remindedThisWeek || member.isEmpty() || member.get().optedOut()
                    || !TeamSchedule.withinPromptHours(clock.instant().atZone(member.get().zoneOr(team.timezone())).toLocalTime())) {
                continue;
            }
            if (checkIns.markReminded(c.id(), clock.instant())) {
                try {
                    gateways.of(team.platform()).sendDirect(
                            new DirectAddress(team.platform(), team.workspaceId(), c.userId()), messages.reminder(team));
                    sent++;
                    metrics.reminderSent(team.platform());
                } catch (ChatDeliveryException e) {
                    LOG.warn("reminder for check-in " + c.id() + " not delivered: " + e.getMessage());
                }
            }
        }
        return sent;
    }
}
