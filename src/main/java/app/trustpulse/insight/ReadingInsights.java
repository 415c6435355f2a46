package app.trustpulse.insight;

import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.pulse.AnonymityPolicy;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.LeaderItems;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.OpenWeekParticipation;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the dashboard shows, by the same rules as the chat: a member sees the team's published aggregates and
 * their own answers; a leader also the open week's participation in bands, their self-check beside the team,
 * their nudges and reviews, and released feedback; an admin every team's aggregates and settings. Nobody sees
 * another person's answers, and every aggregate obeys the team's threshold of today.
 */
final class ReadingInsights {

    static final List<Integer> RANGES = List.of(4, 8, 12, 26, 52);
    static final int DEFAULT_RANGE = 12;
    private static final int REVIEW_PERIODS = 6;
    /** How many weeks of released comments the page shows, newest first. */
    static final int COMMENT_WEEKS = 4;

    private final TeamRepository teams;
    private final MemberRepository members;
    private final AnswerRepository answers;
    private final CheckInRepository checkIns;
    private final NudgeLog nudgeLog;
    private final DigestNudges digestNudges;
    private final InsightQueries queries;
    private final PulseRepository pulses;
    private final PersonalAnswers personalAnswers;
    private final TextScrubber scrubber;
    private final LeaderTrustPools trustInLeader;
    private final Clock clock;
    private RatedLeaders ratedLeaders = RatedLeaders.none();

    ReadingInsights(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            CheckInRepository checkIns,
            NudgeLog nudgeLog,
            DigestNudges digestNudges,
            InsightQueries queries,
            PulseRepository pulses,
            RatedLeaderRepository ratedLeaderWeeks,
            PersonalAnswers personalAnswers,
            TextScrubber scrubber,
            Clock clock) {
        this.teams = teams;
        this.members = members;
        this.answers = answers;
        this.checkIns = checkIns;
        this.nudgeLog = nudgeLog;
        this.digestNudges = digestNudges;
        this.queries = queries;
        this.pulses = pulses;
        this.personalAnswers = personalAnswers;
        this.scrubber = scrubber;
        this.trustInLeader = new LeaderTrustPools(ratedLeaderWeeks, queries);
        this.clock = clock;
    }

    /** The teams a viewer may open: their own, and for an admin every team of their platform. */
    List<TeamAccess> teamsOf(Viewer viewer) {
        Map<Long, TeamAccess> visible = new LinkedHashMap<>();
        for (Member m : members.membershipsOf(viewer.platform(), viewer.workspaceId(), viewer.userId())) {
            teams.find(m.teamId())
                    .ifPresent(t -> visible.put(t.id(), new TeamAccess(t, Optional.of(m), viewer.admin())));
        }
        if (viewer.admin()) {
            for (Team t : teams.all()) {
                if (t.platform() == viewer.platform()) {
                    visible.putIfAbsent(t.id(), new TeamAccess(t, Optional.empty(), true));
                }
            }
        }
        return visible.values().stream()
                .sorted(Comparator.comparing(a -> a.team().name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
    }

    /** The viewer's standing in a team; {@link NotAllowed} when they are neither in it nor its admin. */
    TeamAccess access(Viewer viewer, long teamId) {
        Team team = teams.find(teamId).orElseThrow(() -> new NotAllowed("no such team"));
        boolean admin = viewer.admin() && team.platform() == viewer.platform();
        Optional<Member> membership =
                team.platform() == viewer.platform() && team.workspaceId().equals(viewer.workspaceId())
                        ? members.find(teamId, viewer.userId())
                        : Optional.empty();
        if (membership.isEmpty() && !admin) {
            throw new NotAllowed("not in this team");
        }
        return new TeamAccess(team, membership, admin);
    }

    TeamView team(Viewer viewer, long teamId, int range) {
        TeamAccess access = access(viewer, teamId);
        Team team = access.team();
        int weeksBack = RANGES.contains(range) ? range : DEFAULT_RANGE;
        WeekId current = WeekId.of(clock.instant(), team.timezone());
        WeekId from = current.minus(weeksBack - 1);
        List<PublishedWeek> published = published(team, from, current.plus(1));
        // The trend starts at the team's first closed week in the range, not with empty weeks before the team began.
        WeekId first = published.stream()
                .map(PublishedWeek::week)
                .min(WeekId::compareTo)
                .orElse(current);
        List<WeekId> weeks = new ArrayList<>();
        for (WeekId w = first.compareTo(from) > 0 ? first : from; w.compareTo(current) <= 0; w = w.plus(1)) {
            weeks.add(w);
        }

        List<Answer> own = List.of();
        if (access.membership().isPresent()) {
            own = personalAnswers.ofAnyWeek(team, viewer.userId()).stream()
                    .filter(a -> a.week().compareTo(from) >= 0)
                    .toList();
        }
        Optional<TeamView.OpenWeek> open = Optional.empty();
        boolean closed = published.stream().anyMatch(p -> p.week().equals(current));
        if (access.role().seesLeaderView() && !closed) {
            int asked = checkIns.countAsked(team.id(), current, Role.MEMBER);
            open = Optional.of(new TeamView.OpenWeek(
                    current,
                    OpenWeekParticipation.of(membersAnswered(team, current), asked, team.threshold()),
                    team.threshold()));
        }
        Optional<TeamView.LeaderPart> leader = access.leader()
                ? Optional.of(leaderPart(team, viewer.userId(), own, published, current, from))
                : Optional.empty();
        List<Dimension> alarm = access.role().seesLeaderView() ? alarm(team, published) : List.of();
        // Like the pulse it came with, trust in the leader is for everyone who may see the team.
        TeamView.TrustInLeader trust = trustInLeader.read(
                team, published.stream().map(PublishedWeek::week).toList(), weeks.get(0));
        return new TeamView(access, current, weeksBack, weeks, published, own, open, leader, alarm, trust);
    }

    /**
     * The dimensions of the latest closed week that the digest called a possible disruption, by the same test on the
     * stored published scores; only those the team's threshold of today still shows.
     */
    private List<Dimension> alarm(Team team, List<PublishedWeek> published) {
        if (published.isEmpty()) {
            return List.of();
        }
        PublishedWeek latest = published.get(published.size() - 1);
        return pulses.find(team.id(), latest.week())
                .map(p -> digestNudges.disruptions(
                        p,
                        pulses.publishedScores(
                                team.id(), latest.week().minus(DigestNudges.EARLIER_WEEKS), latest.week())))
                .map(disruptions -> disruptions.stream()
                        .filter(d -> !latest.cell(d).withheld())
                        .toList())
                .orElse(List.of());
    }

    /** Every team of an admin's platform with its latest closed week, each cell under its own team's threshold. */
    List<Insights.OverviewRow> overview(Viewer viewer) {
        if (!viewer.admin()) {
            throw new NotAllowed("admins only");
        }
        List<Insights.OverviewRow> rows = new ArrayList<>();
        for (TeamAccess a : teamsOf(viewer)) {
            Team t = a.team();
            WeekId current = WeekId.of(clock.instant(), t.timezone());
            List<PublishedWeek> recent = published(t, current.minus(51), current.plus(1));
            rows.add(new Insights.OverviewRow(
                    t, recent.isEmpty() ? Optional.empty() : Optional.of(recent.get(recent.size() - 1))));
        }
        return rows;
    }

    /** The published aggregates of a team's closed weeks, for export; never a person's answer. */
    List<PublishedWeek> export(Viewer viewer, long teamId, int range) {
        Team team = access(viewer, teamId).team();
        int weeksBack = RANGES.contains(range) ? range : RANGES.get(RANGES.size() - 1);
        WeekId current = WeekId.of(clock.instant(), team.timezone());
        return published(team, current.minus(weeksBack - 1), current.plus(1));
    }

    /**
     * Trust in the rated leader per complete block of four weeks, for export: the pools the team's pulses carried
     * whose block ended within the range, oldest first, under the same thresholds as on the page.
     */
    List<TrustInLeaderPool.Pooled> exportTrustInLeader(Viewer viewer, long teamId, int range) {
        Team team = access(viewer, teamId).team();
        int weeksBack = RANGES.contains(range) ? range : RANGES.get(RANGES.size() - 1);
        WeekId current = WeekId.of(clock.instant(), team.timezone());
        WeekId from = current.minus(weeksBack - 1);
        List<WeekId> closed = published(team, from, current.plus(1)).stream()
                .map(PublishedWeek::week)
                .toList();
        return trustInLeader.read(team, closed, from).blocks();
    }

    private List<PublishedWeek> published(Team team, WeekId from, WeekId toExclusive) {
        return queries.closedWeeks(team.id(), from, toExclusive).stream()
                .map(p -> p.under(team.threshold()))
                .toList();
    }

    /**
     * A leader's self-check is set beside the team's mean on the dimensions about the leader only in weeks whose
     * statements named that leader (see {@link RatedLeaders}); otherwise the row shows the self-check alone.
     */
    ReadingInsights namingLeaders(RatedLeaders leaders) {
        this.ratedLeaders = leaders;
        return this;
    }

    private TeamView.LeaderPart leaderPart(
            Team team, String leaderId, List<Answer> own, List<PublishedWeek> published, WeekId current, WeekId from) {
        List<TeamView.SelfCheckRow> selfCheck = new ArrayList<>();
        Map<Dimension, Answer> lastSelf = new EnumMap<>(Dimension.class);
        own.stream()
                .filter(PersonalAnswers::inSelfCheck)
                .sorted(Comparator.comparing(Answer::week))
                .forEach(a -> lastSelf.put(a.dimension(), a));
        for (Dimension d : Dimension.inModelOrder()) {
            Answer a = lastSelf.get(d);
            if (a == null) {
                continue;
            }
            boolean aboutAnother = LeaderItems.dimensionAboutTheLeader(d)
                    && ratedLeaders.namedSomeoneElse(team.id(), a.week(), leaderId);
            OptionalDouble teamMean = aboutAnother
                    ? OptionalDouble.empty()
                    : published.stream()
                            .filter(p -> p.week().equals(a.week()))
                            .findFirst()
                            .map(p -> p.cell(d).mean())
                            .orElse(OptionalDouble.empty());
            selfCheck.add(new TeamView.SelfCheckRow(d, a.week(), a.score().getAsInt(), teamMean));
        }
        Instant since = from.monday().atStartOfDay(team.timezone()).toInstant();
        List<SentNudge> nudges = nudgeLog.ofLeader(team.id(), leaderId, since).stream()
                .sorted(Comparator.comparing(SentNudge::sentAt).reversed())
                .toList();
        int tried = (int) nudges.stream()
                .filter(n -> n.reaction().equals(Optional.of(SentNudge.Reaction.TRIED)))
                .count();
        int notYet = (int) nudges.stream()
                .filter(n -> n.reaction().equals(Optional.of(SentNudge.Reaction.NOT_YET)))
                .count();
        List<TeamView.MonthlyReview> reviews = new ArrayList<>();
        for (int i = 0; i < REVIEW_PERIODS; i++) {
            WeekId to = current.minus(i * 4);
            WeekId start = to.minus(3);
            if (to.compareTo(from) < 0) {
                break;
            }
            DigestNudges.Period period = digestNudges.period(nudges, start, to);
            if (period.sent() > 0) {
                reviews.add(new TeamView.MonthlyReview(start, to, period.sent(), period.tried()));
            }
        }
        // As in the digest: names removed, and within a week in an order that says nothing about who wrote first.
        List<String> names =
                members.ofTeam(team.id()).stream().map(Member::displayName).toList();
        List<InsightQueries.ReleasedFeedback> feedback =
                queries.releasedFeedback(team.id(), from, current.plus(1)).stream()
                        .map(f -> f.withText(scrubber.scrub(f.text(), names)))
                        .sorted(Comparator.comparing(InsightQueries.ReleasedFeedback::releasedIn)
                                .reversed()
                                .thenComparing(InsightQueries.ReleasedFeedback::text))
                        .toList();
        // Released with the weeks shown, newest first; a week that released none has no entry. A threshold raised
        // since the close holds back a week now withheld, and one with fewer comments than it asks for people.
        List<TeamView.WeekComments> comments = new ArrayList<>();
        for (int i = published.size() - 1; i >= 0 && comments.size() < COMMENT_WEEKS; i--) {
            PublishedWeek p = published.get(i);
            List<String> released = p.withheld() ? List.of() : answers.releasedComments(team.id(), p.week());
            WeekId week = p.week();
            if (AnonymityPolicy.mayShow(team, released.size())) {
                comments.add(new TeamView.WeekComments(week, released));
            }
        }
        return new TeamView.LeaderPart(
                selfCheck, nudges, tried, notYet, nudges.size() - tried - notYet, reviews, feedback, comments);
    }

    /** People on the team before this week who answered so far; only ever shown as a band. */
    private long membersAnswered(Team team, WeekId week) {
        return answers.ofWeek(team.id(), week).stream()
                .filter(a -> a.respondent() == Role.MEMBER && a.counts())
                .map(Answer::pseudonym)
                .distinct()
                .count();
    }
}
