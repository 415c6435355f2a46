package app.trustpulse.command;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.RosterNoticeRepository.Change;
import app.trustpulse.pulse.RosterNoticeRepository.Person;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin commands that create a team and change its people and settings. Every change to who is in a team is
 * announced in its channel ({@link RosterNotices}), recorded before the change is made, so a run cut short in between
 * is announced all the same when the request is run again.
 */
final class TeamAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamAdministration.class);

    /** What a new team starts with. */
    public record Defaults(ZoneId timezone, Language language, int threshold) {}

    private final TeamRepository teams;
    private final MemberRepository members;
    private final TeamTriggers triggers;
    private final ChatGateways gateways;
    private final Welcoming welcoming;
    private final RosterNotices notices;
    private final Reply reply;
    private final Defaults defaults;
    private final RatedLeaders ratedLeaders;
    private final Clock clock;

    /** @param ratedLeaders the leader each team's statements name; {@code leader rated} changes it from next week */
    TeamAdministration(
            TeamRepository teams,
            MemberRepository members,
            TeamTriggers triggers,
            ChatGateways gateways,
            Welcoming welcoming,
            RosterNotices notices,
            Reply reply,
            Defaults defaults,
            RatedLeaders ratedLeaders,
            Clock clock) {
        this.ratedLeaders = ratedLeaders;
        this.clock = clock;
        this.teams = teams;
        this.members = members;
        this.triggers = triggers;
        this.gateways = gateways;
        this.welcoming = welcoming;
        this.notices = notices;
        this.reply = reply;
        this.defaults = defaults;
    }

    ChatMessage setup(CommandContext ctx, Command.Setup cmd, Language lang, RosterNotices.Cause cause) {
        Optional<String> channel = cmd.channelId().or(ctx::channelId);
        if (channel.isEmpty()) {
            return reply.error(lang, CommandError.of(Subcommand.SETUP, "setup.noChannel"));
        }
        if (teams.findByChannel(ctx.platform(), ctx.workspaceId(), channel.get())
                .isPresent()) {
            return reply.text(lang, "setup.exists", channel.get());
        }
        List<ChatUser> people;
        String name;
        try {
            ChannelAddress address = new ChannelAddress(ctx.platform(), ctx.workspaceId(), channel.get());
            people = gateways.of(ctx.platform()).channelMembers(address);
            name = gateways.of(ctx.platform()).channelName(address);
        } catch (ChatDeliveryException e) {
            LOG.warn(
                    "setup could not read the members of channel {} in {}; the admin was told so",
                    channel.get(),
                    ctx.workspaceId(),
                    e);
            return reply.text(lang, "setup.channelUnreadable", channel.get());
        }
        Team team = teams.insert(new Team(
                0,
                ctx.platform(),
                ctx.workspaceId(),
                channel.get(),
                name,
                defaults.timezone(),
                cmd.language().orElse(defaults.language()),
                defaults.threshold(),
                TeamSchedule.defaults(),
                false));
        List<Member> added = new ArrayList<>();
        for (ChatUser u : people) {
            Role role = cmd.leaderId().filter(u.userId()::equals).isPresent() ? Role.LEADER : Role.MEMBER;
            added.add(new Member(team.id(), u.userId(), u.displayName(), role, u.timezone(), false, false));
        }
        cmd.leaderId()
                .filter(id -> added.stream().noneMatch(m -> m.userId().equals(id)))
                .ifPresent(id -> added.add(
                        new Member(team.id(), id, nameOf(team, id), Role.LEADER, Optional.empty(), false, false)));
        notices.setUp(team, cause, added.size(), (int)
                added.stream().filter(Member::isLeader).count());
        added.forEach(members::save);
        cmd.leaderId().ifPresent(id -> ratedLeaders.firstLeader(team.id(), id));
        triggers.plan(team);
        welcoming.welcomeNewcomers(team);
        long leaders = added.stream().filter(Member::isLeader).count();
        TeamSchedule s = team.schedule();
        return reply.text(
                team.language(),
                leaders == 0 ? "setup.done.noLeader" : "setup.done",
                team.name(),
                added.size() - leaders,
                leaders,
                TextFormats.days(team.language(), s.checkInDays()),
                TextFormats.time(s.checkInTime()),
                team.timezone().getId(),
                TextFormats.day(team.language(), s.summaryDay()),
                TextFormats.time(s.summaryTime()));
    }

    ChatMessage makeLeader(Team team, String userId, RosterNotices.Cause cause) {
        Optional<Member> existing = members.find(team.id(), userId);
        if (existing.filter(Member::isLeader).isPresent()) {
            return reply.text(team.language(), "leader.already", name(existing.get()));
        }
        Member m = existing.map(e -> e.withRole(Role.LEADER))
                .orElseGet(() -> new Member(
                        team.id(), userId, nameOf(team, userId), Role.LEADER, Optional.empty(), false, false));
        notices.announce(
                team, cause, existing.isPresent() ? Change.MADE_LEADER : Change.LEADER_ADDED, List.of(person(m)));
        boolean first = ratedLeaders.next(team.id()).isEmpty();
        members.save(m);
        if (first) {
            ratedLeaders.firstLeader(team.id(), userId);
        }
        if (existing.isEmpty()) {
            welcoming.welcomeNewcomers(team);
        }
        return reply.text(team.language(), "leader.done", name(m));
    }

    /**
     * Makes a leader of the team the one its member statements name, from the next week: this week's statements keep
     * naming whom they named, so a week's answers are all about one person. Announced in the channel like every roster
     * change, since it changes whom the team's answers are about.
     */
    ChatMessage rateLeader(Team team, String userId, RosterNotices.Cause cause) {
        Optional<Member> leader = members.find(team.id(), userId).filter(Member::isLeader);
        if (leader.isEmpty()) {
            return reply.error(team.language(), CommandError.of(Subcommand.LEADER, "leader.rated.notLeader"));
        }
        WeekId thisWeek = WeekId.of(clock.instant(), team.timezone());
        WeekId from = thisWeek.plus(1);
        if (ratedLeaders.next(team.id()).map(n -> n.userId().equals(userId)).orElse(false)) {
            return reply.text(team.language(), "leader.rated.already", name(leader.get()));
        }
        notices.announce(team, cause, Change.RATED_LEADER, List.of(person(leader.get())));
        ratedLeaders.choose(team.id(), thisWeek, userId);
        return reply.text(team.language(), "leader.rated.done", name(leader.get()), from.week());
    }

    ChatMessage removeLeader(Team team, String userId, RosterNotices.Cause cause) {
        Optional<Member> existing = members.find(team.id(), userId).filter(Member::isLeader);
        if (existing.isEmpty()) {
            return reply.text(team.language(), "unleader.notLeader", userId);
        }
        notices.announce(team, cause, Change.MADE_MEMBER, List.of(person(existing.get())));
        members.save(existing.get().withRole(Role.MEMBER));
        return reply.text(team.language(), "unleader.done", name(existing.get()));
    }

    ChatMessage addMembers(Team team, List<String> userIds, RosterNotices.Cause cause) {
        List<Member> added = new ArrayList<>();
        int already = 0;
        for (String id : userIds.stream().distinct().toList()) {
            if (members.find(team.id(), id).isPresent()) {
                already++;
                continue;
            }
            added.add(new Member(team.id(), id, nameOf(team, id), Role.MEMBER, Optional.empty(), false, false));
        }
        notices.announce(
                team,
                cause,
                Change.ADDED,
                added.stream().map(TeamAdministration::person).toList());
        added.forEach(members::save);
        if (!added.isEmpty()) {
            welcoming.welcomeNewcomers(team);
        }
        return reply.text(team.language(), "add.done", added.size(), already);
    }

    ChatMessage removeMembers(Team team, List<String> userIds, RosterNotices.Cause cause) {
        List<Member> leaving = new ArrayList<>();
        int unknown = 0;
        for (String id : userIds.stream().distinct().toList()) {
            Optional<Member> m = members.find(team.id(), id);
            if (m.isPresent()) {
                leaving.add(m.get());
            } else {
                unknown++;
            }
        }
        notices.announce(
                team,
                cause,
                Change.REMOVED,
                leaving.stream().map(TeamAdministration::person).toList());
        int removed = 0;
        for (Member m : leaving) {
            if (members.remove(team.id(), m.userId())) {
                removed++;
            }
        }
        if (removed == 0) {
            return reply.text(team.language(), "remove.none");
        }
        return reply.text(team.language(), "remove.done", removed, unknown);
    }

    ChatMessage schedule(Team team, Command.ScheduleCheckIns c) {
        Language lang = team.language();
        return reschedule(
                team,
                team.schedule().withCheckIns(c.days(), c.time()),
                reply.text(
                        lang, "schedule.checkins.done", TextFormats.days(lang, c.days()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.ScheduleSummary c) {
        Language lang = team.language();
        return reschedule(
                team,
                team.schedule().withSummary(c.day(), c.time()),
                reply.text(lang, "schedule.summary.done", TextFormats.day(lang, c.day()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.ScheduleNudges c) {
        Language lang = team.language();
        return reschedule(
                team,
                team.schedule().withNudges(c.days(), c.time()),
                reply.text(lang, "schedule.nudges.done", TextFormats.days(lang, c.days()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.SetReminder c) {
        Language lang = team.language();
        return reschedule(
                team,
                team.schedule().withReminder(c.delay()),
                c.delay().isEmpty()
                        ? reply.text(lang, "reminder.off")
                        : reply.text(
                                lang,
                                "reminder.done",
                                reply.texts().duration(lang, c.delay().get())));
    }

    private ChatMessage reschedule(Team team, TeamSchedule schedule, ChatMessage answer) {
        Team updated = team.withSchedule(schedule);
        teams.update(updated);
        triggers.plan(updated);
        return answer;
    }

    ChatMessage timezone(Team team, ZoneId zone) {
        Team updated = team.withTimezone(zone);
        teams.update(updated);
        triggers.plan(updated);
        return reply.text(team.language(), "timezone.done", zone.getId());
    }

    ChatMessage language(Team team, Language language) {
        teams.update(team.withLanguage(language));
        return reply.text(language, "language.done");
    }

    ChatMessage threshold(Team team, int threshold) {
        teams.update(team.withThreshold(threshold));
        return reply.text(team.language(), "threshold.done", threshold);
    }

    ChatMessage pause(Team team, boolean paused) {
        if (team.paused() == paused) {
            return reply.text(team.language(), paused ? "pause.already" : "resume.already");
        }
        teams.update(team.withPaused(paused));
        return reply.text(team.language(), paused ? "pause.done" : "resume.done");
    }

    private static String name(Member m) {
        return m.displayName();
    }

    private static Person person(Member m) {
        return new Person(m.userId(), m.displayName());
    }

    /**
     * The name of someone a command names by id only, as the platform has it; the id where it has none. A name that
     * cannot be read now does not stop the command: the id stands in for it.
     */
    private String nameOf(Team team, String userId) {
        try {
            return gateways.of(team.platform())
                    .personName(ChannelAddress.of(team), userId)
                    .orElse(userId);
        } catch (ChatDeliveryException e) {
            LOG.warn(
                    "the name of a person named in a command in team {} could not be read; the id stands in",
                    team.id(),
                    e);
            return userId;
        }
    }
}
