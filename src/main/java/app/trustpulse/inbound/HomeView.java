package app.trustpulse.inbound;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.summary.PulseView;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's own overview: their teams and whether they take part; for leaders the latest pulse and this
 * week's nudges; for admins every team of the workspace with its schedule.
 */
public final class HomeView {

    private final TeamRepository teams;
    private final MemberRepository members;
    private final PulseRepository pulses;
    private final NudgeLog nudgeLog;
    private final NudgeCatalog catalog;
    private final PulseView pulseView;
    private final Texts texts;
    private final Clock clock;

    public HomeView(
            TeamRepository teams,
            MemberRepository members,
            PulseRepository pulses,
            NudgeLog nudgeLog,
            NudgeCatalog catalog,
            PulseView pulseView,
            Texts texts,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.pulses = pulses;
        this.nudgeLog = nudgeLog;
        this.catalog = catalog;
        this.pulseView = pulseView;
        this.texts = texts;
        this.clock = clock;
    }

    public ChatMessage render(Sender sender, boolean admin, Language lang) {
        List<Block> blocks = new ArrayList<>();
        String title = texts.get(lang, "home.title");
        blocks.add(new Block.Header(title));
        List<Member> memberships = members.membershipsOf(sender.platform(), sender.workspaceId(), sender.userId());
        if (memberships.isEmpty()) {
            blocks.add(new Block.Text(texts.get(lang, "home.noTeam")));
        }
        for (Member m : memberships) {
            Team team = teams.find(m.teamId()).orElseThrow();
            Language tl = team.language();
            blocks.add(new Block.Text(texts.get(
                    tl,
                    m.isLeader() ? "home.team.leader" : "home.team.member",
                    team.name(),
                    texts.get(tl, m.optedOut() ? "mydata.optedOut" : "mydata.active"))));
            blocks.add(new Block.Buttons(List.of(
                    m.optedOut()
                            ? Button.primary(texts.get(tl, "home.optin"), Actions.teamCommand(team.id(), "optin"))
                            : Button.of(texts.get(tl, "home.optout"), Actions.teamCommand(team.id(), "optout")),
                    Button.of(texts.get(tl, "home.mydata"), Actions.command("mydata")))));
            if (m.isLeader()) {
                pulses.latest(team.id()).ifPresent(p -> {
                    blocks.add(new Block.Text(
                            texts.get(tl, "home.latestPulse", p.week().week())));
                    blocks.addAll(pulseView.body(team, p));
                });
                WeekId week = WeekId.of(clock.instant(), team.timezone());
                for (SentNudge n :
                        nudgeLog.ofLeader(team.id(), m.userId(), clock.instant().minus(Duration.ofDays(8)))) {
                    if (n.week().equals(week) || n.week().equals(week.minus(1))) {
                        catalog.find(tl, n.nudgeId())
                                .ifPresent(nudge -> blocks.add(new Block.Context("• "
                                        + nudge.textFor(n.dimension()
                                                .map(d -> texts.dimensionName(tl, d))
                                                .orElse("")))));
                    }
                }
            }
        }
        if (admin) {
            blocks.add(new Block.Text(texts.get(lang, "home.admin.title")));
            List<Team> all = teams.findByWorkspace(sender.platform(), sender.workspaceId());
            if (all.isEmpty()) {
                blocks.add(new Block.Context(texts.get(lang, "home.admin.none")));
            }
            for (Team t : all) {
                blocks.add(new Block.Context(texts.get(
                        lang,
                        t.paused() ? "home.admin.team.paused" : "home.admin.team",
                        t.name(),
                        TextFormats.days(lang, t.schedule().checkInDays()),
                        TextFormats.time(t.schedule().checkInTime()),
                        TextFormats.day(lang, t.schedule().summaryDay()),
                        TextFormats.time(t.schedule().summaryTime()),
                        t.timezone().getId())));
            }
        }
        return new ChatMessage(title, blocks);
    }
}
