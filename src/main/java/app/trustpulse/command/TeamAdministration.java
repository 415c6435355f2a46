package app.trustpulse.command;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.TextFormats;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin commands that create a team and change its people and settings. */
public final class TeamAdministration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamAdministration.class);

    /** What a new team starts with. */
    public record Defaults(ZoneId timezone, Language language, int threshold) {
    }

    private final TeamRepository teams;
    private final MemberRepository members;
    private final TeamTriggers triggers;
    private final ChatGateways gateways;
    private final Welcoming welcoming;
    private final Reply reply;
    private final Defaults defaults;

    public TeamAdministration(TeamRepository teams, MemberRepository members, TeamTriggers triggers, ChatGateways gateways,
                              Welcoming welcoming, Reply reply, Defaults defaults) {
        this.teams = teams;
        this.members = members;
        this.triggers = triggers;
        this.gateways = gateways;
        this.welcoming = welcoming;
        this.reply = reply;
        this.defaults = defaults;
    }

    ChatMessage setup(CommandContext ctx, Command.Setup cmd, Language lang) {
        Optional<String> channel = cmd.channelId().or(ctx::channelId);
        if (channel.isEmpty()) {
            return reply.error(lang, CommandError.of(Subcommand.SETUP, "setup.noChannel"));
        }
        if (teams.findByChannel(ctx.platform(), ctx.workspaceId(), channel.get()).isPresent()) {
            return reply.text(lang, "setup.exists", channel.get());
        }
        List<ChatUser> people;
        String name;
        try {
            ChannelAddress address = new ChannelAddress(ctx.platform(), ctx.workspaceId(), channel.get());
            people = gateways.of(ctx.platform()).channelMembers(address);
            name = gateways.of(ctx.platform()).channelName(address);
        } catch (ChatDeliveryException e) {
            LOG.warn("setup could not read the members of channel " + channel.get() + " in "
                    + ctx.workspaceId() + "; the admin was told so", e);
            return reply.text(lang, "setup.channelUnreadable", channel.get());
        }
        Team team = teams.insert(new Team(0, ctx.platform(), ctx.workspaceId(), channel.get(), name, defaults.timezone(),
                cmd.language().orElse(defaults.language()), defaults.threshold(), TeamSchedule.defaults(), false));
        List<Member> added = new ArrayList<>();
        for (ChatUser u : people) {
            Role role = cmd.leaderId().filter(u.userId()::equals).isPresent() ? Role.LEADER : Role.MEMBER;
            Member m = new Member(team.id(), u.userId(), u.displayName(), role, u.timezone(), false, false);
            members.save(m);
            added.add(m);
        }
        cmd.leaderId().filter(id -> added.stream().noneMatch(m -> m.userId().equals(id))).ifPresent(id -> {
            Member m = new Member(team.id(), id, id, Role.LEADER, Optional.empty(), false, false);
            members.save(m);
            added.add(m);
        });
        triggers.plan(team);
        welcoming.welcomeNewcomers(team);
        long leaders = added.stream().filter(Member::isLeader).count();
        TeamSchedule s = team.schedule();
        return reply.text(team.language(), leaders == 0 ? "setup.done.noLeader" : "setup.done", team.name(),
                added.size() - leaders, leaders, TextFormats.days(team.language(), s.checkInDays()),
                TextFormats.time(s.checkInTime()), team.timezone().getId(), TextFormats.day(team.language(), s.summaryDay()),
                TextFormats.time(s.summaryTime()));
    }

    ChatMessage makeLeader(Team team, String userId) {
        Optional<Member> existing = members.find(team.id(), userId);
        if (existing.filter(Member::isLeader).isPresent()) {
            return reply.text(team.language(), "leader.already", name(existing.get()));
        }
        Member m = existing.map(e -> e.withRole(Role.LEADER))
                .orElse(new Member(team.id(), userId, userId, Role.LEADER, Optional.empty(), false, false));
        members.save(m);
        if (existing.isEmpty()) {
            welcoming.welcomeNewcomers(team);
        }
        return reply.text(team.language(), "leader.done", name(m));
    }

    ChatMessage removeLeader(Team team, String userId) {
        Optional<Member> existing = members.find(team.id(), userId).filter(Member::isLeader);
        if (existing.isEmpty()) {
            return reply.text(team.language(), "unleader.notLeader", userId);
        }
        members.save(existing.get().withRole(Role.MEMBER));
        return reply.text(team.language(), "unleader.done", name(existing.get()));
    }

    ChatMessage addMembers(Team team, List<String> userIds) {
        List<String> added = new ArrayList<>();
        List<String> already = new ArrayList<>();
        for (String id : userIds) {
            if (members.find(team.id(), id).isPresent()) {
                already.add(id);
                continue;
            }
            Member m = new Member(team.id(), id, id, Role.MEMBER, Optional.empty(), false, false);
            members.save(m);
            added.add(id);
        }
        if (!added.isEmpty()) {
            welcoming.welcomeNewcomers(team);
        }
        return reply.text(team.language(), "add.done", added.size(), already.size());
    }

    ChatMessage removeMembers(Team team, List<String> userIds) {
        int removed = 0;
        List<String> unknown = new ArrayList<>();
        for (String id : userIds) {
            if (members.remove(team.id(), id)) {
                removed++;
            } else {
                unknown.add(id);
            }
        }
        if (removed == 0) {
            return reply.text(team.language(), "remove.none");
        }
        return reply.text(team.language(), "remove.done", removed, unknown.size());
    }

    ChatMessage schedule(Team team, Command.ScheduleCheckIns c) {
        Language lang = team.language();
        return reschedule(team, team.schedule().withCheckIns(c.days(), c.time()),
                reply.text(lang, "schedule.checkins.done", TextFormats.days(lang, c.days()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.ScheduleSummary c) {
        Language lang = team.language();
        return reschedule(team, team.schedule().withSummary(c.day(), c.time()),
                reply.text(lang, "schedule.summary.done", TextFormats.day(lang, c.day()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.ScheduleNudges c) {
        Language lang = team.language();
        return reschedule(team, team.schedule().withNudges(c.days(), c.time()),
                reply.text(lang, "schedule.nudges.done", TextFormats.days(lang, c.days()), TextFormats.time(c.time())));
    }

    ChatMessage schedule(Team team, Command.SetReminder c) {
        Language lang = team.language();
        return reschedule(team, team.schedule().withReminder(c.delay()), c.delay().isEmpty()
                ? reply.text(lang, "reminder.off")
                : reply.text(lang, "reminder.done", TextFormats.duration(c.delay().get())));
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
}
