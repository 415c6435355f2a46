package app.trustpulse.dashboard;

import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.Insights;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.TeamView;
import app.trustpulse.insight.Viewer;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.SentNudge;
import app.trustpulse.promise.PromiseBlocks;
import app.trustpulse.promise.TrustAccount;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's pages: the viewer's teams (and an admin's overview), and one team's page. */
@Controller
class DashboardController {

    private final Insights insights;
    private final SignedIn signedIn;
    private final NudgeCatalog catalog;
    private final PromiseBlocks promises;
    private final Texts texts;
    private final Cells cells;
    private final JsonMapper json;
    private final Clock clock;
    private final String chartJs = ChartJsAsset.path();

    DashboardController(
            Insights insights,
            SignedIn signedIn,
            NudgeCatalog catalog,
            Texts texts,
            JsonMapper json,
            PromiseBlocks promises,
            Clock clock) {
        this.clock = clock;
        this.promises = promises;
        this.insights = insights;
        this.signedIn = signedIn;
        this.catalog = catalog;
        this.texts = texts;
        this.cells = new Cells(texts);
        this.json = json;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String home(Authentication auth, Model model) {
        Viewer viewer = signedIn.viewer(auth);
        Language lang = PageLanguage.current();
        model.addAttribute("viewer", viewer);
        List<PageParts.TeamLink> links = new ArrayList<>();
        for (TeamAccess a : insights.teamsOf(viewer)) {
            links.add(new PageParts.TeamLink(a.team().id(), a.team().name(), roleLabel(lang, a), a.admin()));
        }
        model.addAttribute("teams", links);
        model.addAttribute(
                "dimensions",
                Dimension.inModelOrder().stream()
                        .map(d -> cells.dimension(lang, d))
                        .toList());
        if (viewer.admin()) {
            List<PageParts.Row> overview = new ArrayList<>();
            List<String> overviewWeeks = new ArrayList<>();
            List<Long> overviewIds = new ArrayList<>();
            for (Insights.OverviewRow row : insights.overview(viewer)) {
                List<Cells.Shown> shown = new ArrayList<>();
                for (Dimension d : Dimension.inModelOrder()) {
                    shown.add(cells.of(lang, row.latest(), d));
                }
                overview.add(new PageParts.Row(row.team().name(), shown));
                overviewWeeks.add(row.latest()
                        .map(p -> cells.week(lang, p.week()))
                        .orElse(texts.get(lang, "dashboard.cell.noPulse")));
                overviewIds.add(row.team().id());
            }
            model.addAttribute("overview", overview);
            model.addAttribute("overviewWeeks", overviewWeeks);
            model.addAttribute("overviewIds", overviewIds);
        }
        return "dashboard/home";
    }

    @GetMapping("/dashboard/teams/{teamId}")
    String team(
            @PathVariable long teamId,
            @RequestParam(name = "weeks", defaultValue = "12") int weeks,
            Authentication auth,
            Model model) {
        Viewer viewer = signedIn.viewer(auth);
        TeamView view = insights.team(viewer, teamId, weeks);
        Language lang = PageLanguage.current();
        TeamAccess access = view.access();
        model.addAttribute("viewer", viewer);
        model.addAttribute("team", access.team());
        model.addAttribute("teamId", access.team().id());
        model.addAttribute("role", roleLabel(lang, access));
        model.addAttribute("admin", access.admin());
        model.addAttribute("threshold", access.team().threshold());
        int shownWeeks = view.range();
        model.addAttribute("weeks", shownWeeks);
        model.addAttribute(
                "ranges",
                Insights.RANGES.stream()
                        .map(r -> new PageParts.Range(r, r == shownWeeks))
                        .toList());

        Optional<PublishedWeek> latest = view.latest();
        model.addAttribute(
                "latestWeek", latest.map(p -> cells.week(lang, p.week())).orElse(""));
        model.addAttribute("latestWithheld", latest.map(PublishedWeek::withheld).orElse(false));
        List<PageParts.Row> latestRows = new ArrayList<>();
        latest.ifPresent(p -> {
            for (Dimension d : Dimension.inModelOrder()) {
                latestRows.add(new PageParts.Row(
                        cells.dimension(lang, d),
                        List.of(
                                cells.of(lang, latest, d),
                                new Cells.Shown(
                                        cells.answers(lang, p, d, access.team().threshold()), false))));
            }
        });
        model.addAttribute("latestRows", latestRows);
        trustInLeaderModel(lang, access.team(), view.trustInLeader(), model);
        promisesModel(lang, access.team(), view.currentWeek(), model);

        // A year of published weeks: where the team's first one lies, and the weeks a rolling mean looks back on.
        List<PublishedWeek> year = insights.export(viewer, teamId, Insights.RANGES.get(Insights.RANGES.size() - 1));
        changesModel(lang, access.team(), WeekChanges.of(year), view.alarm(), model);
        Trend trend = new Trend(view.weeks(), year);
        List<WeekId> trendWeeks = trend.weeks();
        model.addAttribute(
                "weekLabels", trendWeeks.stream().map(w -> cells.week(lang, w)).toList());
        List<PageParts.Row> trendRows = new ArrayList<>();
        List<PageParts.Row> rollingRows = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            trendRows.add(new PageParts.Row(
                    cells.dimension(lang, d),
                    trendWeeks.stream()
                            .map(w -> cells.of(lang, view.week(w), d))
                            .toList()));
            rollingRows.add(new PageParts.Row(
                    texts.get(lang, "dashboard.team.trend.rolling", cells.dimension(lang, d)),
                    trend.rolling(d).stream()
                            .map(v -> new Cells.Shown(v == null ? "–" : TextFormats.score(lang, v), false))
                            .toList()));
        }
        model.addAttribute("trendRows", trendRows);
        model.addAttribute("rollingRows", rollingRows);
        model.addAttribute("chartJson", chartJson(lang, view, trend));
        model.addAttribute("chartJs", chartJs);

        if (access.role().seesLeaderView()) {
            model.addAttribute("participation", participation(lang, view));
        }
        if (access.membership().isPresent()) {
            model.addAttribute(
                    "ownRows", ownRows(lang, view.ownAnswers(), access.leader() ? Role.LEADER : Role.MEMBER));
        }
        view.leader().ifPresent(part -> leaderModel(lang, view, part, model));
        return "dashboard/team";
    }

    /**
     * Trust in the rated leader as the channel's pulse carried it: the latest complete block of four weeks beside the
     * latest pulse, and each complete block as a row of its own; a withheld block says so, with no number.
     */
    private void trustInLeaderModel(Language lang, Team team, TeamView.TrustInLeader trust, Model model) {
        model.addAttribute(
                "trustInLeader",
                trust.latest().map(p -> poolLine(lang, team, p)).orElse(""));
        model.addAttribute(
                "trustInLeaderWithheld",
                trust.latest().map(TrustInLeaderPool.Pooled::withheld).orElse(false));
        List<PageParts.Row> blocks = new ArrayList<>();
        for (TrustInLeaderPool.Pooled p : trust.blocks()) {
            blocks.add(new PageParts.Row(
                    cells.week(lang, p.from()) + " – " + cells.week(lang, p.to()),
                    List.of(
                            new Cells.Shown(leaderName(p), false),
                            p.withheld()
                                    ? new Cells.Shown(texts.get(lang, "dashboard.cell.withheld"), true)
                                    : new Cells.Shown(
                                            TextFormats.score(lang, p.mean().getAsDouble()), false),
                            new Cells.Shown(p.withheld() ? "" : String.valueOf(p.scores()), p.withheld()))));
        }
        java.util.Collections.reverse(blocks);
        model.addAttribute("trustInLeaderBlocks", blocks);
    }

    private String poolLine(Language lang, Team team, TrustInLeaderPool.Pooled p) {
        return p.withheld()
                ? texts.get(
                        lang,
                        "dashboard.trustInLeader.withheld",
                        leaderName(p),
                        p.from().week(),
                        p.to().week(),
                        team.threshold())
                : texts.get(
                        lang,
                        "dashboard.trustInLeader.shown",
                        leaderName(p),
                        p.from().week(),
                        p.to().week(),
                        TextFormats.score(lang, p.mean().getAsDouble()),
                        p.scores());
    }

    private static String leaderName(TrustInLeaderPool.Pooled p) {
        return p.leader().map(n -> n.displayName()).orElse("");
    }

    private List<PageParts.Line> participation(Language lang, TeamView view) {
        List<PageParts.Line> lines = new ArrayList<>();
        // The same bands as /pulse status: nothing that moves one answer at a time while the week is open.
        view.openWeek()
                .ifPresent(open -> lines.add(new PageParts.Line(
                        cells.week(lang, open.week()),
                        texts.get(
                                lang, "status.participation.open." + open.band().name(), open.threshold()))));
        for (int i = view.published().size() - 1; i >= 0; i--) {
            PublishedWeek p = view.published().get(i);
            lines.add(new PageParts.Line(
                    cells.week(lang, p.week()),
                    texts.get(lang, "dashboard.participation.closed", p.answered(), p.asked())));
        }
        return lines;
    }

    /** The viewer's own answers, one row per week; only ever built for the viewer themself. */
    private List<PageParts.Row> ownRows(Language lang, List<Answer> own, Role respondent) {
        Map<WeekId, Map<Dimension, String>> byWeek = new TreeMap<>();
        String cantSay = texts.get(lang, "dashboard.cell.cantSay");
        own.stream()
                .filter(a -> a.respondent() == respondent)
                .forEach(a -> byWeek.computeIfAbsent(a.week(), w -> new LinkedHashMap<>())
                        .put(
                                a.dimension(),
                                a.score().isPresent() ? String.valueOf(a.score().getAsInt()) : cantSay));
        List<PageParts.Row> rows = new ArrayList<>();
        byWeek.forEach((week, scores) -> rows.add(new PageParts.Row(
                cells.week(lang, week),
                Dimension.inModelOrder().stream()
                        .map(d -> new Cells.Shown(scores.getOrDefault(d, ""), false))
                        .toList())));
        java.util.Collections.reverse(rows);
        return rows;
    }

    private void leaderModel(Language lang, TeamView view, TeamView.LeaderPart part, Model model) {
        model.addAttribute("leader", true);
        List<PageParts.Row> self = new ArrayList<>();
        for (TeamView.SelfCheckRow r : part.selfCheck()) {
            self.add(new PageParts.Row(
                    cells.dimension(lang, r.dimension()),
                    List.of(
                            new Cells.Shown(cells.week(lang, r.week()), false),
                            new Cells.Shown(String.valueOf(r.self()), false),
                            r.team().isPresent()
                                    ? new Cells.Shown(
                                            TextFormats.score(lang, r.team().getAsDouble()), false)
                                    : new Cells.Shown(texts.get(lang, "dashboard.cell.withheld"), true),
                            new Cells.Shown(
                                    r.team().isPresent()
                                            ? TextFormats.difference(
                                                    lang, r.self(), r.team().getAsDouble())
                                            : "",
                                    false))));
        }
        model.addAttribute("selfRows", self);
        model.addAttribute(
                "nudgeCounts",
                texts.get(
                        lang,
                        "dashboard.nudges.counts",
                        part.nudges().size(),
                        part.tried(),
                        part.notYet(),
                        part.noReaction()));
        // Newest week first, like the other lists of weeks on the page.
        model.addAttribute(
                "nudges",
                part.nudges().stream()
                        .sorted(Comparator.comparing(SentNudge::week).reversed())
                        .map(n -> nudgeLine(lang, n))
                        .toList());
        List<PageParts.Line> reviews = new ArrayList<>();
        for (TeamView.MonthlyReview r : part.reviews()) {
            // Counts only: what the nudges did is the randomised quarterly review's verdict, not a comparison of
            // nudges a leader chose to try.
            String outcome = r.tried() == 0 ? texts.get(lang, "review.nothingTried") : "";
            reviews.add(new PageParts.Line(
                    cells.week(lang, r.from()) + " – " + cells.week(lang, r.to()),
                    (texts.get(lang, "dashboard.review.counts", r.sent(), r.tried()) + " " + outcome).strip()));
        }
        model.addAttribute("reviews", reviews);
        Team team = view.access().team();
        model.addAttribute(
                "feedback",
                part.feedback().stream()
                        .map(f -> new PageParts.FeedbackLine(
                                cells.week(lang, f.releasedIn()),
                                f.text(),
                                conversation(lang, team, f),
                                // As the channel shows them, without the chat's bold marks.
                                f.conversation()
                                        .map(c -> c.replies().stream()
                                                .map(r -> r.replace("*", ""))
                                                .toList())
                                        .orElse(List.of())))
                        .toList());
        model.addAttribute(
                "comments",
                part.comments().stream()
                        .map(c -> new PageParts.Comments(cells.week(lang, c.week()), c.comments()))
                        .toList());
    }

    /** Where a released feedback's conversation stands; never whether its writer read or answered. */
    private String conversation(Language lang, Team team, InsightQueries.ReleasedFeedback f) {
        if (f.conversation().isEmpty()) {
            return texts.get(lang, "dashboard.feedback.conversation.none");
        }
        InsightQueries.Conversation c = f.conversation().get();
        if (!c.openAt(clock.instant())) {
            return texts.get(lang, "dashboard.feedback.conversation.closed");
        }
        return texts.get(
                lang,
                "dashboard.feedback.conversation.open",
                TextFormats.dayAndDate(lang, c.closesAt().atZone(team.timezone())));
    }

    /**
     * The week's changes in words: the dimensions that moved against last week and the four weeks before, the largest
     * first, then the steady ones in one line; withheld cells only as withheld. The alarm comes first, when there is
     * one for this viewer.
     */
    private void changesModel(
            Language lang, Team team, WeekChanges.Result changes, List<Dimension> alarm, Model model) {
        model.addAttribute(
                "alarms",
                alarm.stream()
                        .map(d -> texts.get(lang, "dashboard.changes.alarm", cells.dimension(lang, d)))
                        .toList());
        model.addAttribute(
                "changesIntro",
                changes.week()
                        .map(w -> changes.withheld()
                                ? texts.get(lang, "dashboard.changes.withheld", team.threshold(), cells.week(lang, w))
                                : texts.get(lang, "dashboard.changes.intro", cells.week(lang, w)))
                        .orElse(texts.get(lang, "dashboard.changes.none")));
        String move = TextFormats.score(lang, WeekChanges.MOVE);
        List<PageParts.Line> moved = new ArrayList<>();
        for (WeekChanges.Move m : changes.moved()) {
            List<String> parts = new ArrayList<>();
            m.sinceLastWeek()
                    .ifPresent(x -> parts.add(texts.get(
                            lang,
                            "dashboard.changes." + direction(x) + ".last",
                            TextFormats.score(lang, Math.abs(x)),
                            TextFormats.score(lang, m.lastWeek().getAsDouble()),
                            TextFormats.score(lang, m.now()))));
            m.againstRolling()
                    .ifPresent(x -> parts.add(texts.get(
                            lang,
                            "dashboard.changes." + direction(x) + ".rolling",
                            TextFormats.score(lang, Math.abs(x)),
                            TextFormats.score(lang, m.rolling().getAsDouble()))));
            moved.add(new PageParts.Line(cells.dimension(lang, m.dimension()), String.join("; ", parts)));
        }
        model.addAttribute("changes", moved);
        List<String> notes = new ArrayList<>();
        if (changes.week().isPresent() && !changes.withheld()) {
            if (moved.isEmpty() && !changes.steady().isEmpty()) {
                notes.add(texts.get(lang, "dashboard.changes.nothingMoved", move));
            }
            if (!moved.isEmpty() && !changes.steady().isEmpty()) {
                notes.add(texts.get(lang, "dashboard.changes.steady", move, names(lang, changes.steady())));
            }
            if (!changes.unchecked().isEmpty()) {
                notes.add(texts.get(lang, "dashboard.changes.unchecked", names(lang, changes.unchecked())));
            }
            if (!changes.hidden().isEmpty()) {
                notes.add(texts.get(lang, "dashboard.changes.hidden", team.threshold(), names(lang, changes.hidden())));
            }
        }
        model.addAttribute("changesNotes", notes);
    }

    private static String direction(double change) {
        return change > 0 ? "up" : change < 0 ? "down" : "same";
    }

    private String names(Language lang, List<Dimension> dimensions) {
        return String.join(
                ", ", dimensions.stream().map(d -> cells.dimension(lang, d)).toList());
    }

    /** The leaders' focus and promises as the channel's pulse shows them, to everyone who may see the team. */
    private void promisesModel(Language lang, Team team, WeekId week, Model model) {
        List<PageParts.Line> lines = new ArrayList<>();
        for (PromiseBlocks.Shown s : promises.board(team)) {
            String noticed = s.latest()
                    .map(t -> t.counts()
                            .map(c -> texts.get(
                                    lang, "promise.noticed", t.week().week(), c.yes(), c.partly(), c.no(), c.cantSay()))
                            .orElseGet(() -> texts.get(
                                    lang, "promise.noticed.withheld", t.week().week(), team.threshold())))
                    .orElse("");
            lines.add(new PageParts.Line(
                    cells.dimension(lang, s.promise().focus()),
                    (texts.get(
                                            lang,
                                            "dashboard.promise.line",
                                            s.leaderName(),
                                            s.promise().text(),
                                            s.promise().madeIn().week())
                                    + " " + noticed)
                            .strip()));
        }
        model.addAttribute("promises", lines);
        TrustAccount account = promises.account(team, week);
        model.addAttribute(
                "promiseLoop",
                account.empty()
                        ? ""
                        : account.asked() == 0
                                ? texts.get(lang, "promise.loop.notAsked", account.focusAreas(), account.promises())
                                : texts.get(
                                        lang,
                                        "promise.loop",
                                        account.focusAreas(),
                                        account.noticed(),
                                        account.asked()));
    }

    private PageParts.NudgeLine nudgeLine(Language lang, SentNudge n) {
        String dimension = n.dimension().map(d -> cells.dimension(lang, d)).orElse("");
        String text =
                catalog.find(lang, n.nudgeId()).map(x -> x.textFor(dimension)).orElse(n.nudgeId());
        String reaction = n.reaction()
                .map(r -> texts.get(lang, "dashboard.nudges." + r.name()))
                .orElse(texts.get(lang, "dashboard.nudges.NONE"));
        return new PageParts.NudgeLine(cells.week(lang, n.week()), text, reaction);
    }

    /**
     * The chart's data: per dimension its weekly means (a gap where a week has no published score) and, dashed beside
     * it, its rolling mean over four weeks; and trust in the leader per complete block of four weeks.
     */
    private String chartJson(Language lang, TeamView view, Trend trend) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        int index = 0;
        for (Dimension d : Dimension.inModelOrder()) {
            List<Double> data = new ArrayList<>();
            for (WeekId w : trend.weeks()) {
                Optional<PublishedWeek> p = view.week(w);
                data.add(
                        p.isPresent() && !p.get().cell(d).withheld()
                                ? p.get().cell(d).mean().getAsDouble()
                                : null);
            }
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("label", cells.dimension(lang, d));
            set.put("data", data);
            set.put("dimension", index);
            set.put("rolling", false);
            datasets.add(set);
            Map<String, Object> rolling = new LinkedHashMap<>();
            rolling.put("label", texts.get(lang, "dashboard.team.trend.rolling", cells.dimension(lang, d)));
            rolling.put("data", trend.rolling(d));
            rolling.put("dimension", index);
            rolling.put("rolling", true);
            datasets.add(rolling);
            index++;
        }
        // Trust in the leader: one point per complete block, at its last week, only where the block is shown. Points
        // four weeks apart are joined; a block withheld or missing leaves a gap.
        List<Map<String, Object>> pooled = new ArrayList<>();
        for (TrustInLeaderPool.Pooled p : view.trustInLeader().blocks()) {
            if (!p.withheld() && trend.weeks().contains(p.to())) {
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("x", cells.week(lang, p.to()));
                point.put("y", p.mean().getAsDouble());
                pooled.add(point);
            }
        }
        if (!view.trustInLeader().blocks().isEmpty()) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("label", texts.get(lang, "dashboard.trustInLeader.series"));
            pool.put("data", pooled);
            pool.put("dimension", "trust-in-leader");
            pool.put("rolling", false);
            pool.put("pool", true);
            pool.put("gap", TrustInLeaderPool.WEEKS);
            datasets.add(pool);
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", trend.weeks().stream().map(w -> cells.week(lang, w)).toList());
        chart.put("datasets", datasets);
        chart.put("locale", lang.code());
        return json.writeValueAsString(chart);
    }

    private String roleLabel(Language lang, TeamAccess a) {
        return texts.get(lang, "dashboard.role." + a.role().name().toLowerCase(Locale.ROOT));
    }
}
