package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThread;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.support.TestDatabases;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who sees what on the dashboard, over HTTP against the running service: sign-in first, only one's own teams,
 * withheld cells never as numbers (also after the threshold was raised), participation of the open week only in
 * bands, settings changed through the commands, and the platform endpoints untouched by security.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    TeamRepository teams;

    @Autowired
    MemberRepository members;

    @Autowired
    PulseRepository pulses;

    @Autowired
    Clock clock;

    @Autowired
    FeedbackRepository feedback;

    @Autowired
    AnswerRepository answers;

    @Autowired
    FeedbackThreadRepository threads;

    @Autowired
    RatedLeaderRepository ratedLeaders;

    private final Texts texts = new Texts();
    private long demoTeam;
    private long otherTeam;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:dashboard-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @BeforeAll
    void aDemoTeamWithSixClosedWeeksAndASecondTeam() throws Exception {
        HttpSession anyone = new HttpSession(port);
        assertThat(anyone.postJson("/playground/api/demo", "{\"language\":\"en\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/simulate", "{}").statusCode())
                .isEqualTo(200);
        assertThat(anyone.postJson("/playground/api/people", "{\"name\":\"Zoe\",\"admin\":false}")
                        .statusCode())
                .isEqualTo(200);
        demoTeam = teams.findByChannel(Platform.PLAYGROUND, "demo", "team")
                .orElseThrow()
                .id();

        // A second team, threshold 5 today, whose last week was published when its threshold was 3.
        Team ops = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "ops",
                "#ops",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                5,
                TeamSchedule.defaults(),
                false));
        otherTeam = ops.id();
        members.save(new Member(otherTeam, "zoe", "Zoe", Role.MEMBER, Optional.empty(), false, false));
        members.save(new Member(otherTeam, "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), ops.timezone()).minus(1);
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble mean = switch (d) {
                case TRUST -> OptionalDouble.of(4.17);
                case VISION -> OptionalDouble.of(2.75);
                default -> OptionalDouble.empty();
            };
            int answers = switch (d) {
                case TRUST -> 6;
                case VISION -> 4;
                default -> 2;
            };
            dims.add(new DimensionScore(d, mean, answers, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        pulses.save(new WeeklyPulse(otherTeam, last, 6, 6, 3, false, dims, Optional.empty(), Optional.empty()));
    }

    @Test
    void everyPageAndExportAsksForSignInFirst() throws Exception {
        HttpSession stranger = new HttpSession(port);
        for (String path : List.of(
                "/dashboard",
                "/dashboard/teams/" + demoTeam,
                "/dashboard/teams/" + demoTeam + "/export.csv",
                "/dashboard/teams/" + demoTeam + "/export.json",
                "/dashboard/teams/" + demoTeam + "/settings")) {
            HttpResponse<String> r = stranger.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location"))
                    .as(path)
                    .hasValueSatisfying(l -> assertThat(l).endsWith("/dashboard/login"));
        }
        assertThat(stranger.get("/dashboard/login").body()).contains("As Mia", "As Lee");
    }

    @Test
    void aMemberCannotOpenAnotherTeamsPageOrExport() throws Exception {
        HttpSession mia = new HttpSession(port).signInAs("mia");
        assertThat(mia.get("/dashboard/teams/" + demoTeam).statusCode()).isEqualTo(200);
        assertThat(mia.get("/dashboard/teams/" + demoTeam + "/export.csv").statusCode())
                .isEqualTo(200);
        assertThat(mia.get("/dashboard/teams/" + otherTeam).statusCode()).isEqualTo(403);
        assertThat(mia.get("/dashboard/teams/" + otherTeam + "/export.csv").statusCode())
                .isEqualTo(403);
        assertThat(mia.get("/dashboard/teams/" + otherTeam + "/export.json").statusCode())
                .isEqualTo(403);
        HttpResponse<String> settings = mia.get("/dashboard/teams/" + demoTeam + "/settings");
        assertThat(settings.statusCode()).as("settings are for admins").isEqualTo(403);
        assertThat(settings.body())
                .as("her own team: not told it is not hers")
                .contains(
                        texts.get(Language.EN, "dashboard.adminsOnly.title"),
                        "href=\"/dashboard/teams/" + demoTeam + "\"")
                .doesNotContain("not one of yours");
        assertThat(mia.get("/dashboard/teams/" + otherTeam).body()).contains("not one of yours");
        assertThat(mia.get("/dashboard").body()).doesNotContain("#ops").doesNotContain("id=\"overview\"");
    }

    @Test
    void aLeaderSeesWithheldCellsAsWithheldNeverAsANumber() throws Exception {
        HttpSession lee = new HttpSession(port).signInAs("lee");
        String page = lee.get("/dashboard/teams/" + otherTeam).body();
        String latest = section(page, "latest");
        String withheld = texts.get(Language.EN, "dashboard.cell.withheld");
        assertThat(row(latest, "Trust")).contains("4.2");
        // Published at a threshold of 3 from four answers; the team's threshold is 5 now.
        assertThat(row(latest, "Vision"))
                .contains(withheld)
                .doesNotContain("2.8")
                .doesNotContain("2.7");
        assertThat(row(latest, "Safety")).contains(withheld);
        assertThat(page).doesNotContain("2.75").doesNotContain("2.8");

        String json = lee.get("/dashboard/teams/" + otherTeam + "/export.json").body();
        assertThat(json)
                .contains("\"dimension\":\"vision\",\"withheld\":true,\"mean\":null,\"answers\":null")
                .contains("\"dimension\":\"trust\",\"withheld\":false,\"mean\":4.17,\"answers\":6")
                .doesNotContain("2.75");
    }

    @Test
    void theTrendStartsAtTheTeamsFirstPublishedWeekWithAFourWeekAverageBeside() throws Exception {
        HttpSession lee = new HttpSession(port).signInAs("lee");
        String ops = section(lee.get("/dashboard/teams/" + otherTeam).body(), "trend");
        WeekId last = WeekId.of(clock.instant(), ZoneId.of("Europe/Amsterdam")).minus(1);
        String header = ops.substring(ops.indexOf("<thead>"), ops.indexOf("</thead>"));
        assertThat(header.split("<th scope=\"col\"", -1))
                .as("the dimension column, last week and this week")
                .hasSize(4);
        assertThat(header).contains(texts.get(Language.EN, "dashboard.week.short", last.week(), last.year()));
        assertThat(ops)
                .contains("&quot;rolling&quot;:true", texts.get(Language.EN, "dashboard.team.trend.rolling", "Trust"));

        String demo = lee.get("/dashboard/teams/" + demoTeam).body();
        List<WeekId> nudgeWeeks = java.util.regex.Pattern.compile("<span class=\"label\">wk (\\d+) (\\d{4})</span>")
                .matcher(section(demo, "nudges"))
                .results()
                .map(m -> new WeekId(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))))
                .toList();
        assertThat(nudgeWeeks)
                .as("the leader's nudges")
                .isNotEmpty()
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void aMemberSeesTheirOwnAnswersAndTheTeamsResultsButNothingOfTheLeadersView() throws Exception {
        HttpSession mia = new HttpSession(port).signInAs("mia");
        String page = mia.get("/dashboard/teams/" + demoTeam).body();
        assertThat(page)
                .contains("id=\"changes\"", "id=\"latest\"", "id=\"trend\"", "id=\"own-answers\"")
                .doesNotContain(
                        "id=\"participation\"",
                        "id=\"self-check\"",
                        "id=\"nudges\"",
                        "id=\"feedback\"",
                        "id=\"comments\"",
                        "feedback-item");
        assertThat(section(page, "own-answers")).contains(texts.get(Language.EN, "dashboard.team.own.title"));
    }

    @Test
    void whileAWeekIsOpenParticipationShowsOnlyInBands() throws Exception {
        HttpSession anyone = new HttpSession(port);
        anyone.postJson(
                "/playground/api/say",
                "{\"as\":\"ada\",\"where\":\"channel\",\"channel\":\"team\",\"text\":\"/pulse send-now\"}");
        anyone.postJson("/playground/api/say", "{\"as\":\"mia\",\"where\":\"dm\",\"text\":\"4 3 5 2 4 5\"}");
        HttpSession lee = new HttpSession(port).signInAs("lee");
        String participation = section(lee.get("/dashboard/teams/" + demoTeam).body(), "participation");
        assertThat(participation)
                .contains(texts.get(Language.EN, "status.participation.open.BELOW_THRESHOLD", 3))
                .contains(texts.get(Language.EN, "dashboard.participation.closed", 5, 5))
                .doesNotContain(texts.get(Language.EN, "dashboard.participation.closed", 1, 5));
    }

    @Test
    void exportsCarryOnlyTheTeamsAggregates() throws Exception {
        HttpSession mia = new HttpSession(port).signInAs("mia");
        HttpResponse<String> csv = mia.get("/dashboard/teams/" + demoTeam + "/export.csv");
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d)
                        .matches("attachment; filename=\"trust-pulse-team-\\d{4}-W\\d{2}--\\d{4}-W\\d{2}\\.csv\"; "
                                + "filename\\*=UTF-8''trust-pulse-team-\\d{4}-W\\d{2}--\\d{4}-W\\d{2}\\.csv"));
        assertThat(csv.body()).as("a byte order mark for Excel").startsWith("\uFEFF");
        List<String> lines = csv.body().substring(1).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("team,week,dimension,mean,answers,withheld,members_asked,members_answered,"
                        + "pool_first_week,pool_last_week,rated_leader");
        List<String> weekly = lines.stream()
                .skip(1)
                .filter(l -> !l.contains(",trust_in_leader,"))
                .toList();
        assertThat(weekly).hasSize(6 * 6);
        assertThat(weekly)
                .allSatisfy(l -> assertThat(l)
                        .startsWith("#team,2")
                        .matches("#team,\\d{4}-W\\d{2},[a-z]+,(\\d\\.\\d\\d)?,\\d*,(true|false),\\d+,\\d+,,,"));
        assertThat(lines.subList(1 + weekly.size(), lines.size()))
                .as("trust in the leader after the weeks, one row per complete block")
                .allSatisfy(l -> assertThat(l)
                        .matches("#team,\\d{4}-W\\d{2},trust_in_leader,(\\d\\.\\d\\d)?,\\d*,(true|false),,,"
                                + "\\d{4}-W\\d{2},\\d{4}-W\\d{2},.+"));

        HttpResponse<String> dutch = mia.get("/dashboard/teams/" + demoTeam + "/export.csv", "nl");
        List<String> rows = dutch.body().substring(1).lines().toList();
        assertThat(rows.get(0))
                .isEqualTo("team;week;dimension;mean;answers;withheld;members_asked;members_answered;"
                        + "pool_first_week;pool_last_week;rated_leader");
        assertThat(rows.subList(1, rows.size()))
                .allSatisfy(l -> assertThat(l)
                        .matches("#team;\\d{4}-W\\d{2};[a-z_]+;(\\d,\\d\\d)?;\\d*;(true|false);\\d*;\\d*;"
                                + "(\\d{4}-W\\d{2};\\d{4}-W\\d{2};.+|;;)"));
        assertThat(rows.subList(1, rows.size())).anySatisfy(l -> assertThat(l).containsPattern(";\\d,\\d\\d;"));

        HttpResponse<String> json = mia.get("/dashboard/teams/" + demoTeam + "/export.json", "nl");
        assertThat(json.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d)
                        .startsWith("attachment; filename=\"trust-pulse-team-")
                        .contains(".json\"; filename*=UTF-8''trust-pulse-team-"));
        assertThat(json.body()).startsWith("{\"team\":\"#team\"").contains("\"mean\":");
    }

    @Test
    void everyoneWhoSeesTheTeamSeesTrustInTheLeaderPerCompleteBlockAndNoNumberWhereItIsWithheld() throws Exception {
        Team trust = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "trust",
                "#trust",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(trust.id(), "zoe", "Zoe", Role.MEMBER, Optional.empty(), false, false));
        members.save(new Member(trust.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), trust.timezone()).minus(1);
        WeekId latest = TrustInLeaderPool.latestCompleteStart(last);
        WeekId earlier = latest.minus(TrustInLeaderPool.WEEKS);
        RatedLeaderRepository.Named lee = new RatedLeaderRepository.Named("lee", "Lee");
        for (WeekId w = earlier; w.compareTo(last) <= 0; w = w.plus(1)) {
            pulses.save(new WeeklyPulse(trust.id(), w, 6, 6, 3, false, scores(), Optional.empty(), Optional.empty()));
            ratedLeaders.pin(trust.id(), w, Optional.of(lee));
            if (w.compareTo(latest) < 0) {
                // One score a week, from someone who counts in two weeks of each block: two different people, too few
                // for a threshold of 3.
                int counted = TrustInLeaderPool.weekInBlock(w) < 2 ? 1 : 0;
                ratedLeaders.saveTrustInLeader(trust.id(), w, 2, 1, counted, givers(w, counted));
            } else if (w.compareTo(latest.plus(3)) <= 0) {
                // Three scores a week: 44 over 12, from 12 different people.
                ratedLeaders.saveTrustInLeader(trust.id(), w, 11, 3, 3, givers(w, 3));
            } else {
                // The block still filling: not complete, so never shown.
                ratedLeaders.saveTrustInLeader(trust.id(), w, 9, 9, 9, givers(w, 9));
            }
        }
        String shown = texts.get(
                Language.EN,
                "dashboard.trustInLeader.shown",
                "Lee",
                latest.week(),
                latest.plus(3).week(),
                "3.7",
                12);
        String withheld = texts.get(Language.EN, "dashboard.cell.withheld");

        for (String person : List.of("zoe", "lee")) {
            String page = new HttpSession(port)
                    .signInAs(person)
                    .get("/dashboard/teams/" + trust.id())
                    .body();
            assertThat(paragraph(page, "trust-in-leader")).as(person).isEqualTo(shown);
            String blocks = table(page, "trust-in-leader-blocks");
            assertThat(row(blocks, week(latest) + " – " + week(latest.plus(3)))).contains(">Lee<", ">3.7<", ">12<");
            assertThat(row(blocks, week(earlier) + " – " + week(earlier.plus(3))))
                    .contains(">Lee<", withheld)
                    .doesNotContain("1.0", ">2<", ">4<");
            assertThat(blocks).as("only complete blocks").doesNotContain(week(latest.plus(4)) + " – ");
            assertThat(page)
                    .as("one point per shown block in the trend")
                    .contains("&quot;pool&quot;:true")
                    .contains("{&quot;x&quot;:&quot;" + week(latest.plus(3)) + "&quot;,&quot;y&quot;:3.6666")
                    .doesNotContain("&quot;x&quot;:&quot;" + week(earlier.plus(3)) + "&quot;");
        }

        List<String> csv = new HttpSession(port)
                .signInAs("zoe")
                .get("/dashboard/teams/" + trust.id() + "/export.csv")
                .body()
                .lines()
                .filter(l -> l.contains(",trust_in_leader,"))
                .toList();
        assertThat(csv)
                .containsExactly(
                        "#trust," + earlier.plus(3) + ",trust_in_leader,,,true,,," + earlier + "," + earlier.plus(3)
                                + ",Lee",
                        "#trust," + latest.plus(3) + ",trust_in_leader,3.67,12,false,,," + latest + "," + latest.plus(3)
                                + ",Lee");

        // The team's threshold raised to 13: twelve different people are no longer enough.
        teams.update(trust.withThreshold(13));
        String page = new HttpSession(port)
                .signInAs("zoe")
                .get("/dashboard/teams/" + trust.id())
                .body();
        assertThat(paragraph(page, "trust-in-leader"))
                .isEqualTo(texts.get(
                        Language.EN,
                        "dashboard.trustInLeader.withheld",
                        "Lee",
                        latest.week(),
                        latest.plus(3).week(),
                        13));
        assertThat(page).doesNotContain("3.7").doesNotContain("&quot;pool&quot;:true,&quot;data&quot;:[{");
    }

    private static List<DimensionScore> scores() {
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            dims.add(new DimensionScore(
                    d, OptionalDouble.of(3.0), 6, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        return dims;
    }

    private String week(WeekId w) {
        return texts.get(Language.EN, "dashboard.week.short", w.week(), w.year());
    }

    /** The text of the paragraph with this id. */
    private static String paragraph(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("paragraph %s", id).isNotNegative();
        return page.substring(page.indexOf('>', start) + 1, page.indexOf("</p>", start));
    }

    /** The table with this id. */
    private static String table(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("table %s", id).isNotNegative();
        return page.substring(start, page.indexOf("</table>", start));
    }

    @Test
    void anAdminChangesSettingsThroughTheSameCommandsAsTheChat() throws Exception {
        HttpSession ada = new HttpSession(port).signInAs("ada");
        String settings = "/dashboard/teams/" + demoTeam + "/settings";
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "language",
                "en",
                "timezone",
                "Europe/Amsterdam",
                "threshold",
                "4",
                "checkinDays",
                "mon,wed,fri",
                "checkinTime",
                "09:30",
                "summaryDay",
                "fri",
                "summaryTime",
                "16:00",
                "nudgeDays",
                "tue,thu",
                "nudgeTime",
                "10:00",
                "reminder",
                "4h"));
        assertThat(ada.postForm(settings, settings, form).statusCode()).isEqualTo(302);
        assertThat(teams.find(demoTeam).orElseThrow().threshold()).isEqualTo(4);
        assertThat(ada.get(settings).body()).contains(texts.get(Language.EN, "threshold.done", 4));

        form.put("threshold", "2");
        ada.postForm(settings, settings, form);
        assertThat(teams.find(demoTeam).orElseThrow().threshold())
                .as("a bad value changes nothing")
                .isEqualTo(4);
        String refused = ada.get(settings).body();
        assertThat(refused)
                .contains("2 is too low", texts.get(Language.EN, "dashboard.settings.right.threshold"))
                .contains("role=\"alert\"")
                .doesNotContain("role=\"status\"");
        assertThat(refused)
                .as("what was entered stays in the form")
                .containsPattern("id=\"threshold\"[^>]*value=\"2\"");
        assertThat(refused)
                .as("the refused field is marked")
                .containsPattern("<input[^>]*aria-invalid=\"true\"[^>]*id=\"threshold\"|"
                        + "<input[^>]*id=\"threshold\"[^>]*aria-invalid=\"true\"");

        form.put("threshold", "3");
        ada.postForm(settings, settings, form);
        assertThat(teams.find(demoTeam).orElseThrow().threshold()).isEqualTo(3);
        assertThat(ada.get("/dashboard").body()).contains("id=\"overview\"", "#ops");
    }

    @Test
    void theSettingsFormOffersRealControlsAndPostsThemAsTheCommands() throws Exception {
        Team team = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "forms",
                "#forms",
                ZoneId.of("America/New_York"),
                Language.EN,
                5,
                TeamSchedule.defaults(),
                false));
        HttpSession ada = new HttpSession(port).signInAs("ada");
        String settings = "/dashboard/teams/" + team.id() + "/settings";
        String page = ada.get(settings).body();
        assertThat(page)
                .contains(
                        "type=\"checkbox\"",
                        "type=\"time\"",
                        "<optgroup label=\"America\">",
                        "<optgroup label=\"Europe\">")
                .containsPattern("<option value=\"America/New_York\" selected=\"selected\">New York</option>")
                .containsPattern("value=\"tue\"[^>]*name=\"checkinDays\"")
                .doesNotContain("role=\"alert\"");
        assertThat(ada.getPage(settings, "nl").body())
                .contains("<optgroup label=\"Europa\">", "maandag", "Geen herinnering");

        Map<String, Object> form = new LinkedHashMap<>(Map.of(
                "language",
                "en",
                "timezone",
                "Europe/Amsterdam",
                "threshold",
                "5",
                "checkinDays",
                List.of("thu", "mon"),
                "checkinTime",
                "10:15",
                "summaryDay",
                "thu",
                "summaryTime",
                "17:00",
                "nudgeDays",
                List.of("wed"),
                "nudgeTime",
                "11:00",
                "reminder",
                "2h"));
        form.put("_checkinDays", "on");
        form.put("_nudgeDays", "on");
        assertThat(ada.postForm(settings, settings, form).statusCode()).isEqualTo(302);
        Team changed = teams.find(team.id()).orElseThrow();
        assertThat(changed.timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(changed.schedule().checkInDays())
                .containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY);
        assertThat(changed.schedule().checkInTime()).isEqualTo(java.time.LocalTime.of(10, 15));
        assertThat(changed.schedule().nudgeDays()).containsExactly(java.time.DayOfWeek.WEDNESDAY);
        assertThat(changed.schedule().reminderDelay()).hasValue(java.time.Duration.ofHours(2));
        String saved = ada.get(settings).body();
        assertThat(saved)
                .contains("role=\"status\"", texts.get(Language.EN, "dashboard.settings.saved"))
                .doesNotContain("role=\"alert\"")
                .containsPattern("<option value=\"2h\" selected=\"selected\">2 hours</option>");

        // No day ticked: the command refuses it, the schedule stays, the error says what is wrong and what is right.
        form.put("checkinDays", List.of());
        form.put("checkinTime", "07:00");
        form.put("threshold", "6");
        ada.postForm(settings, settings, form);
        Team after = teams.find(team.id()).orElseThrow();
        assertThat(after.schedule().checkInDays())
                .containsExactly(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY);
        assertThat(after.threshold()).as("the other change still runs").isEqualTo(6);
        String mixed = ada.get(settings).body();
        assertThat(mixed)
                .contains(
                        "role=\"status\"",
                        "role=\"alert\"",
                        texts.get(Language.EN, "threshold.done", 6),
                        texts.get(Language.EN, "dashboard.settings.right.checkins", "08:00", "18:00"));
        assertThat(mixed.substring(mixed.indexOf("role=\"alert\""))).contains("data-field=\"checkins\"");
    }

    @Test
    void thePageLeadsWithTheWeeksChangesAndNeverShowsAChangeOfAWithheldDimension() throws Exception {
        Team moves = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "moves",
                "#moves",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(moves.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        members.save(new Member(moves.id(), "mia", "Mia", Role.MEMBER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), moves.timezone()).minus(1);
        // Trust rises from 3.0 to 4.0; Vision falls from 3.0 to 2.0 on two answers, under the threshold of 3.
        pulses.save(pulse(moves.id(), last.minus(1), Map.of(Dimension.TRUST, 3.0, Dimension.VISION, 3.0), Map.of()));
        pulses.save(pulse(
                moves.id(), last, Map.of(Dimension.TRUST, 4.0, Dimension.VISION, 2.0), Map.of(Dimension.VISION, 2)));

        for (String who : List.of("lee", "mia")) {
            String page = new HttpSession(port)
                    .signInAs(who)
                    .get("/dashboard/teams/" + moves.id())
                    .body();
            assertThat(page.indexOf("id=\"changes\""))
                    .as("%s: the changes first, then the promises, the latest week and the trend", who)
                    .isPositive()
                    .isLessThan(page.indexOf("id=\"promises\""));
            assertThat(page.indexOf("id=\"promises\"")).isLessThan(page.indexOf("id=\"latest\""));
            assertThat(page.indexOf("id=\"latest\"")).isLessThan(page.indexOf("id=\"trend\""));
            String changes = section(page, "changes");
            assertThat(changes)
                    .contains(">Trust</span>", texts.get(Language.EN, "dashboard.changes.up.last", "1.0", "3.0", "4.0"))
                    .contains(texts.get(
                            Language.EN,
                            "dashboard.changes.hidden",
                            3,
                            "Vision, Responsibility, Freedom, Connection, Safety"))
                    .doesNotContain(">Vision</span>", "2.0", "down");
        }
    }

    @Test
    void aLeaderSeesReleasedFeedbackWithWhereItsConversationStandsAndAMemberSeesNone() throws Exception {
        Team talk = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "talk",
                "#talk",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(talk.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        members.save(new Member(talk.id(), "mia", "Mia", Role.MEMBER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), talk.timezone()).minus(1);
        long answered =
                feedback.add(new Feedback(0, talk.id(), last, "p1", "More quiet time to think", Optional.empty()));
        long waiting = feedback.add(new Feedback(0, talk.id(), last, "p2", "Plans change too often", Optional.empty()));
        feedback.markReleased(List.of(answered, waiting), last);
        java.time.Instant closes = clock.instant().plus(java.time.Duration.ofDays(14));
        FeedbackThread thread = threads.open(talk.id(), answered, closes, "mia").orElseThrow();
        threads.posted(thread.id(), "ref");
        threads.keepReply(thread.id(), "*Lee:* We keep Thursday afternoons free from now on");
        threads.keepReply(thread.id(), "*The writer:* Thank you, that helps");

        String leader = section(
                new HttpSession(port)
                        .signInAs("lee")
                        .get("/dashboard/teams/" + talk.id())
                        .body(),
                "feedback");
        assertThat(leader)
                .contains("More quiet time to think", "Plans change too often")
                .contains(texts.get(
                        Language.EN,
                        "dashboard.feedback.conversation.open",
                        TextFormats.dayAndDate(Language.EN, closes.atZone(talk.timezone()))))
                .contains(texts.get(Language.EN, "dashboard.feedback.conversation.none"))
                .contains(
                        "<li>Lee: We keep Thursday afternoons free from now on</li>",
                        "<li>The writer: Thank you, that helps</li>")
                .doesNotContain("Mia", "mia");

        threads.close(thread.id());
        assertThat(section(
                        new HttpSession(port)
                                .signInAs("lee")
                                .get("/dashboard/teams/" + talk.id())
                                .body(),
                        "feedback"))
                .contains(texts.get(Language.EN, "dashboard.feedback.conversation.closed"));

        String member = new HttpSession(port)
                .signInAs("mia")
                .get("/dashboard/teams/" + talk.id())
                .body();
        assertThat(member)
                .doesNotContain("id=\"feedback\"", "More quiet time to think", "Plans change too often")
                .doesNotContain("Thursday afternoons", "The writer")
                .doesNotContain(texts.get(Language.EN, "dashboard.feedback.conversation.closed"));
    }

    @Test
    void aLeaderSeesTheCommentsReleasedWithRecentWeeksOnlyWhereEnoughPeopleCommentedAndAMemberNone() throws Exception {
        Team said = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "said",
                "#said",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(said.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        members.save(new Member(said.id(), "mia", "Mia", Role.MEMBER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), said.timezone()).minus(1);
        pulses.save(pulse(said.id(), last.minus(1), Map.of(Dimension.TRUST, 3.0), Map.of()));
        pulses.save(pulse(said.id(), last, Map.of(Dimension.TRUST, 3.4), Map.of()));
        answers.keepReleasedComments(
                said.id(), last, List.of("Trust: good retro", "Safety: calmer week", "Vision: roadmap helps"));
        // Kept when the threshold was lower: fewer comments than today's threshold asks for people.
        answers.keepReleasedComments(said.id(), last.minus(1), List.of("Trust: one", "Vision: two"));

        String leader = section(
                new HttpSession(port)
                        .signInAs("lee")
                        .get("/dashboard/teams/" + said.id())
                        .body(),
                "comments");
        assertThat(leader)
                .contains("Trust: good retro", "Safety: calmer week", "Vision: roadmap helps")
                .doesNotContain("Trust: one", "Vision: two");
        String member = new HttpSession(port)
                .signInAs("mia")
                .get("/dashboard/teams/" + said.id())
                .body();
        assertThat(member).doesNotContain("id=\"comments\"", "good retro");
    }

    @Test
    void aPossibleDisruptionLeadsTheLeadersPageAndAMemberSeesOnlyTheChange() throws Exception {
        Team fall = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "fall",
                "#fall",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(fall.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        members.save(new Member(fall.id(), "mia", "Mia", Role.MEMBER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), fall.timezone()).minus(1);
        // Nine steady weeks of Safety at 4.2, then one at 1.0: the digest's alarm test calls that a disruption.
        for (int back = 9; back >= 0; back--) {
            pulses.save(pulse(fall.id(), last.minus(back), Map.of(Dimension.SAFETY, back >= 1 ? 4.2 : 1.0), Map.of()));
        }
        String alarm = texts.get(Language.EN, "dashboard.changes.alarm", "Safety");

        String leader = section(
                new HttpSession(port)
                        .signInAs("lee")
                        .get("/dashboard/teams/" + fall.id())
                        .body(),
                "changes");
        assertThat(leader).contains("role=\"alert\"", alarm);
        assertThat(leader.indexOf(alarm)).as("the alarm first").isLessThan(leader.indexOf(">Safety</span>"));

        String member = section(
                new HttpSession(port)
                        .signInAs("mia")
                        .get("/dashboard/teams/" + fall.id())
                        .body(),
                "changes");
        assertThat(member).doesNotContain(alarm).contains(">Safety</span>");
    }

    private static WeeklyPulse pulse(
            long teamId, WeekId week, Map<Dimension, Double> means, Map<Dimension, Integer> answers) {
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble mean = means.containsKey(d) ? OptionalDouble.of(means.get(d)) : OptionalDouble.empty();
            int n = answers.getOrDefault(d, means.containsKey(d) ? 5 : 0);
            OptionalDouble spread = mean.isPresent() && n >= 3 ? OptionalDouble.of(0.6) : OptionalDouble.empty();
            dims.add(new DimensionScore(d, mean, n, spread, OptionalDouble.empty(), List.of()));
        }
        return new WeeklyPulse(teamId, week, 5, 5, 3, false, dims, Optional.empty(), Optional.empty());
    }

    @Test
    void platformEndpointsStayOpenWithoutSessionOrCsrf() throws Exception {
        HttpSession client = new HttpSession(port);
        HttpResponse<String> state = client.get("/playground/api/state");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(client.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(client.get("/playground").statusCode()).isEqualTo(200);
        assertThat(client.postJson("/playground/api/say", "{\"as\":\"tom\",\"where\":\"dm\",\"text\":\"help\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theChannelsPulseAndTheLeadersDigestCarryTheSameChartOfTheWeek() throws Exception {
        HttpSession anyone = new HttpSession(port);
        JsonNode state = JsonMapper.builder()
                .build()
                .readTree(anyone.get("/playground/api/state").body());
        String channelChart = lastImage(state, "channel:team", "Team pulse");
        String digestChart = lastImage(state, "dm:lee", "Your weekly digest");
        assertThat(channelChart)
                .matches("/pulse-charts/[A-Za-z0-9_-]{43}\\.png")
                .isEqualTo(digestChart);
        HttpResponse<byte[]> png = anyone.getBytes(channelChart);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(png.body()).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        assertThat(anyone.getBytes("/pulse-charts/" + "A".repeat(43) + ".png").statusCode())
                .isEqualTo(404);
    }

    private static String lastImage(JsonNode state, String conversation, String summaryStart) {
        String url = null;
        for (JsonNode c : state.get("conversations").values()) {
            if (!c.get("id").asString().equals(conversation)) {
                continue;
            }
            for (JsonNode m : c.get("messages").values()) {
                if (!m.get("content").get("summary").asString().startsWith(summaryStart)) {
                    continue;
                }
                for (JsonNode b : m.get("content").get("blocks").values()) {
                    if ("Image".equals(b.get("type").asString())) {
                        url = b.get("url").asString();
                    }
                }
            }
        }
        assertThat(url).as("a chart in %s", conversation).isNotNull();
        return url;
    }

    /** The HTML of the section with this id. */
    private static String section(String page, String id) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section %s", id).isNotNegative();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** The table row whose header is this label. */
    private static String row(String html, String label) {
        int start = html.indexOf(">" + label + "</th>");
        assertThat(start).as("row %s", label).isNotNegative();
        return html.substring(start, html.indexOf("</tr>", start));
    }

    /** One giver token per person a week pooled, none of them pooled in another week. */
    private static List<String> givers(WeekId week, int people) {
        return java.util.stream.IntStream.range(0, people)
                .mapToObj(i -> week + "-" + i)
                .toList();
    }
}
