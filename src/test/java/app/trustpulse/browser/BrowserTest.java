package app.trustpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
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
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard and the playground in a real browser (headless Chromium): sign-in before every page and export,
 * another team's page and export refused, withheld cells shown as withheld, the team page at phone width, nothing on
 * a dashboard page blocked by its content security policy, and a week in the playground from check-ins to the pulse
 * with its chart and its Slack preview.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    final Browser.KeepsFailedPages failedPages = new Browser.KeepsFailedPages(() -> this.browser);

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
    FeedbackThreadRepository threads;

    @Autowired
    RatedLeaderRepository ratedLeaders;

    private ChromeDriver browser;
    private long demoTeam;
    private long otherTeam;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:browser-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @BeforeAll
    void aDemoTeamWithPastWeeksAndASecondTeam() throws Exception {
        browser = Browser.start();
        // Every page records what its content security policy blocked, from before its own scripts run.
        browser.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
                                + " e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        HttpClient http = HttpClient.newHttpClient();
        for (String[] call : List.of(
                new String[] {"/playground/api/demo", "{\"language\":\"en\"}"},
                new String[] {"/playground/api/simulate", "{}"})) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url(call[0])))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(call[1]))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(call[0]).isEqualTo(200);
        }
        demoTeam = teams.findByChannel(Platform.PLAYGROUND, "demo", "team")
                .orElseThrow()
                .id();
        Team ops = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "ops",
                "#ops",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        otherTeam = ops.id();
        members.save(new Member(otherTeam, "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        List<DimensionScore> dims = new ArrayList<>();
        for (app.trustpulse.pulse.Dimension d : app.trustpulse.pulse.Dimension.inModelOrder()) {
            OptionalDouble mean =
                    d == app.trustpulse.pulse.Dimension.SAFETY ? OptionalDouble.empty() : OptionalDouble.of(3.5);
            dims.add(new DimensionScore(
                    d, mean, mean.isPresent() ? 4 : 2, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        pulses.save(new WeeklyPulse(
                otherTeam,
                WeekId.of(clock.instant(), ops.timezone()).minus(1),
                5,
                4,
                3,
                false,
                dims,
                Optional.empty(),
                Optional.empty()));
    }

    @BeforeEach
    void signedOutAtDesktopWidth() {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.get(url("/dashboard/login"));
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageAndExportAsksForSignInAndAMemberIsRefusedAnotherTeam() {
        for (String path : List.of(
                "/dashboard",
                "/dashboard/teams/" + demoTeam,
                "/dashboard/teams/" + demoTeam + "/export.csv",
                "/dashboard/teams/" + demoTeam + "/export.json",
                "/dashboard/teams/" + demoTeam + "/settings")) {
            browser.get(url(path));
            assertThat(browser.getCurrentUrl()).as(path).endsWith("/dashboard/login");
        }
        signInAs("mia");
        assertThat(browser.findElements(By.cssSelector("a.team-link")))
                .extracting(WebElement::getText)
                .containsExactly("#team");

        browser.get(url("/dashboard/teams/" + otherTeam));
        assertThat(browser.findElement(By.id("forbidden")).getText()).contains("not one of yours");
        browser.get(url("/dashboard/teams/" + demoTeam + "/settings"));
        assertThat(browser.findElement(By.id("admins-only")).getText())
                .contains("Only an admin")
                .doesNotContain("not one of yours");
        browser.findElement(By.id("to-team")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(url("/dashboard/teams/" + demoTeam)));
        browser.get(url("/dashboard/teams/" + otherTeam + "/export.csv"));
        assertThat(browser.findElement(By.id("forbidden")).isDisplayed()).isTrue();
        browser.get(url("/dashboard/teams/" + otherTeam + "/export.json"));
        assertThat(browser.findElement(By.id("forbidden")).isDisplayed()).isTrue();
    }

    @Test
    void aLeaderSeesWithheldCellsAsWithheldAndTheTrendChartDrawn() {
        signInAs("lee");
        browser.get(url("/dashboard/teams/" + otherTeam));
        WebElement latest = browser.findElement(By.id("latest"));
        WebElement safety = latest.findElement(By.xpath(".//tr[th[normalize-space()='Safety']]/td[1]"));
        assertThat(safety.getText()).isEqualTo("withheld");
        assertThat(safety.getAttribute("class")).contains("withheld");
        assertThat(latest.findElement(By.xpath(".//tr[th[normalize-space()='Vision']]/td[1]"))
                        .getText())
                .isEqualTo("3.5");

        browser.get(url("/dashboard/teams/" + demoTeam));
        new WebDriverWait(browser, WAIT)
                .until(d -> script("return typeof Chart === 'function' && Chart.getChart('trend-chart') != null"));
        assertThat(script("return Chart.getChart('trend-chart').data.datasets.every(d => d.tension === 0)"))
                .as("straight lines")
                .isEqualTo(true);
        assertThat(((Number)
                                script(
                                        "return Chart.getChart('trend-chart').data.datasets.filter(d => d.rolling && d.borderDash.length > 0).length"))
                        .intValue())
                .as("a dashed four-week average per dimension")
                .isEqualTo(6);
        // The simulated weeks hold a complete block of four or not, depending on where the weeks fall.
        int pools = ((Number) script("return Chart.getChart('trend-chart').data.datasets.filter(d => d.pool).length"))
                .intValue();
        assertThat(((Number) script("return Chart.getChart('trend-chart').legend.legendItems.length")).intValue())
                .as("one legend entry per dimension, and one for trust in the leader when there is a complete block")
                .isEqualTo(6 + pools);
        assertThat(browser.findElement(By.id("participation")).getText()).contains("answered: 5 of 5 members");
        assertThat(browser.findElement(By.id("nudges")).getText()).contains("tried");
    }

    @Test
    void trustInTheLeaderIsDrawnAsOnePointPerCompleteBlockJoinedOnlyToTheBlockNextToIt() {
        Team lead = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "lead",
                "#lead",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        members.save(new Member(lead.id(), "lee", "Lee", Role.LEADER, Optional.empty(), false, false));
        WeekId last = WeekId.of(clock.instant(), lead.timezone()).minus(1);
        WeekId latest = TrustInLeaderPool.latestCompleteStart(last);
        WeekId first = latest.minus(3 * TrustInLeaderPool.WEEKS);
        WeekId withheld = latest.minus(TrustInLeaderPool.WEEKS);
        List<DimensionScore> dims = new ArrayList<>();
        for (app.trustpulse.pulse.Dimension d : app.trustpulse.pulse.Dimension.inModelOrder()) {
            dims.add(new DimensionScore(
                    d, OptionalDouble.of(3.0), 5, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        for (WeekId w = first; w.compareTo(last) <= 0; w = w.plus(1)) {
            pulses.save(new WeeklyPulse(lead.id(), w, 5, 5, 3, false, dims, Optional.empty(), Optional.empty()));
            ratedLeaders.pin(lead.id(), w, Optional.of(new RatedLeaderRepository.Named("lee", "Lee")));
            boolean few = TrustInLeaderPool.blockStart(w).equals(withheld);
            // Three scores a week from people who count, each pooled once; or one score a week, from someone who counts
            // in two weeks of the block: twelve different people in a block, or two.
            int counted = few ? (TrustInLeaderPool.weekInBlock(w) < 2 ? 1 : 0) : 3;
            WeekId week = w;
            ratedLeaders.saveTrustInLeader(
                    lead.id(),
                    w,
                    few ? 4 : 12,
                    few ? 1 : 3,
                    counted,
                    java.util.stream.IntStream.range(0, counted)
                            .mapToObj(i -> week + "-" + i)
                            .toList());
        }

        signInAs("lee");
        browser.get(url("/dashboard/teams/" + lead.id() + "?weeks=26"));
        new WebDriverWait(browser, WAIT).until(d -> script("return Chart.getChart('trend-chart') != null"));
        assertThat(browser.findElement(By.id("trust-in-leader")).getText())
                .isEqualTo("Trust in Lee, weeks " + latest.week() + "–"
                        + latest.plus(3).week() + ": 4.0 (12 answers)");
        String pool = "Chart.getChart('trend-chart').data.datasets.findIndex(d => d.pool)";
        assertThat(script("return Chart.getChart('trend-chart').getDatasetMeta(" + pool + ")._parsed.map(p => p.y)"))
                .as("the three blocks shown, not the withheld one")
                .isEqualTo(List.of(4L, 4L, 4L));
        assertThat(((Number) script("return Chart.getChart('trend-chart').getDatasetMeta(" + pool
                                + ").dataset.segments.length"))
                        .intValue())
                .as("the first two blocks joined; the withheld block breaks the line before the latest")
                .isEqualTo(2);
        assertThat(((Number) script("return Chart.getChart('trend-chart').legend.legendItems.length")).intValue())
                .as("one legend entry per dimension and one for trust in the leader")
                .isEqualTo(7);
        assertThat(browser.findElements(By.cssSelector("#trust-in-leader-blocks tbody tr")))
                .extracting(r -> r.findElements(By.tagName("td")).get(1).getAttribute("textContent"))
                .containsExactly("4.0", "withheld", "4.0", "4.0");
    }

    @Test
    void aLeadersPageLeadsWithTheChangesThenThePromisesAndShowsAReleasedFeedbacksConversation() {
        WeekId last = WeekId.of(clock.instant(), ZoneId.of("Europe/Amsterdam")).minus(1);
        long given = feedback.add(
                new Feedback(0, otherTeam, last, "browser-writer", "Fewer meetings on Fridays", Optional.empty()));
        feedback.markReleased(List.of(given), last);
        FeedbackThread thread = threads.open(otherTeam, given, clock.instant().plus(Duration.ofDays(14)), "")
                .orElseThrow();
        threads.posted(thread.id(), "ref");
        threads.keepReply(thread.id(), "*Lee:* Fridays stay free of meetings from next week");
        threads.keepReply(thread.id(), "*The writer:* Thank you");

        signInAs("lee");
        browser.get(url("/dashboard/teams/" + otherTeam));
        assertThat(script("return [...document.querySelectorAll('main section.card')].map(s => s.id).slice(0, 5)"))
                .as("what changed first, then the promises, feedback, the latest week and the trend")
                .isEqualTo(List.of("changes", "promises", "feedback", "latest", "trend"));
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("What changed")
                .contains("Withheld this week, fewer than 3 answers, so no change is shown: Safety");
        WebElement item = browser.findElement(By.cssSelector("#feedback .feedback-item"));
        assertThat(item.findElement(By.tagName("blockquote")).getText()).isEqualTo("Fewer meetings on Fridays");
        assertThat(item.findElements(By.cssSelector(".thread li")))
                .extracting(WebElement::getText)
                .containsExactly("Lee: Fridays stay free of meetings from next week", "The writer: Thank you");
        assertThat(item.findElement(By.cssSelector(".conversation")).getText())
                .startsWith("Answered in the team channel, under this feedback.")
                .contains("The writer can answer back anonymously until");

        browser.manage().deleteAllCookies();
        signInAs("mia");
        browser.get(url("/dashboard/teams/" + demoTeam));
        assertThat(script("return document.querySelector('main section.card').id"))
                .isEqualTo("changes");
        assertThat(browser.findElements(By.id("feedback")))
                .as("feedback is for leaders")
                .isEmpty();
    }

    @Test
    void everyDashboardPageWorksUnderItsContentSecurityPolicy() {
        signInAs("ada");
        for (String path :
                List.of("/dashboard", "/dashboard/teams/" + demoTeam, "/dashboard/teams/" + demoTeam + "/settings")) {
            browser.get(url(path));
            if (path.equals("/dashboard/teams/" + demoTeam)) {
                new WebDriverWait(browser, WAIT).until(d -> script("return Chart.getChart('trend-chart') != null"));
            }
            assertThat((List<?>) script("return window.cspViolations"))
                    .as("blocked on %s", path)
                    .isEmpty();
        }
        browser.findElement(By.cssSelector("form.inline button")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/dashboard/login"));
        assertThat((List<?>) script("return window.cspViolations"))
                .as("blocked on the sign-in page")
                .isEmpty();
    }

    @Test
    void anAdminChangesTheScheduleWithTheFormsControlsAndSeesWhatWasSavedAndWhatNot() {
        signInAs("ada");
        String settings = url("/dashboard/teams/" + demoTeam + "/settings");
        browser.get(settings);
        // Untick every day; on a loaded machine a click can land before the page takes it, so look again until none is
        // ticked.
        new WebDriverWait(browser, WAIT).until(d -> {
            List<WebElement> ticked = d.findElements(By.cssSelector("input[name=checkinDays]:checked"));
            ticked.forEach(WebElement::click);
            return d.findElements(By.cssSelector("input[name=checkinDays]:checked"))
                    .isEmpty();
        });
        browser.findElement(By.id("save")).click();
        WebElement failed =
                new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
        assertThat(failed.getAttribute("role")).isEqualTo("alert");
        assertThat(failed.getText()).contains("Tick at least one day");
        assertThat(browser.findElements(By.id("saved"))).isEmpty();
        assertThat(teams.find(demoTeam).orElseThrow().schedule().checkInDays()).isNotEmpty();

        browser.findElement(By.cssSelector("input[name=checkinDays][value=tue]"))
                .click();
        browser.findElement(By.cssSelector("input[name=checkinDays][value=thu]"))
                .click();
        script("arguments[0].value = '10:45'", browser.findElement(By.id("checkinTime")));
        new Select(browser.findElement(By.id("timezone"))).selectByValue("Europe/Brussels");
        browser.findElement(By.id("save")).click();
        WebElement saved =
                new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(saved.getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElements(By.id("failed"))).isEmpty();
        Team team = teams.find(demoTeam).orElseThrow();
        assertThat(team.schedule().checkInDays())
                .containsExactly(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.THURSDAY);
        assertThat(team.schedule().checkInTime()).isEqualTo(java.time.LocalTime.of(10, 45));
        assertThat(team.timezone()).isEqualTo(ZoneId.of("Europe/Brussels"));
        assertThat(new Select(browser.findElement(By.id("timezone")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("Europe/Brussels");
        assertThat((List<?>) script("return window.cspViolations")).isEmpty();
    }

    @Test
    void anUnknownAddressShowsTheDashboardsErrorPage() {
        browser.get(url("/dashboard-does-not-exist"));
        assertThat(browser.findElement(By.id("error-page")).getText()).contains("Page not found");
        assertThat((List<?>) script("return window.cspViolations")).isEmpty();
        browser.findElement(By.id("error-back")).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlContains("/dashboard/login"));
    }

    @Test
    void theTeamPageFitsAPhoneAndA1280PixelScreen() {
        signInAs("mia");
        for (org.openqa.selenium.Dimension size :
                List.of(new org.openqa.selenium.Dimension(1280, 900), new org.openqa.selenium.Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            browser.get(url("/dashboard/teams/" + demoTeam));
            new WebDriverWait(browser, WAIT).until(d -> script("return Chart.getChart('trend-chart') != null"));
            assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                    .as("page width at %s", size)
                    .isLessThanOrEqualTo(((Number) script("return window.innerWidth")).intValue());
        }
    }

    @Test
    void aWeekInThePlaygroundEndsInAPulseWithItsChartAndASlackPreview() {
        browser.get(url("/playground"));
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "playground"));
        wait.until(d ->
                !d.findElements(By.cssSelector("#person option[value='mia']")).isEmpty());
        browser.findElement(By.id("send-now")).click();
        wait.until(
                d -> !d.findElements(By.cssSelector(".scale .choices button")).isEmpty());

        // One member clicks a score, three type their six answers in their direct message.
        int before = recordedScales();
        browser.findElement(By.cssSelector(".scale .choices button[data-value='4']"))
                .click();
        wait.until(d -> recordedScales() > before);
        for (String person : List.of("mia", "noah", "sara")) {
            new Select(browser.findElement(By.id("person"))).selectByValue(person);
            new Select(browser.findElement(By.id("where"))).selectByValue("dm");
            WebElement text = browser.findElement(By.id("text"));
            text.clear();
            text.sendKeys("4 3 5 2 4 5");
            browser.findElement(By.id("send")).click();
            wait.until(d -> d.findElement(By.id("text")).getAttribute("value").isEmpty());
        }

        int charts = browser.findElements(By.cssSelector("img.blk-image")).size();
        browser.findElement(By.id("close-week")).click();
        wait.until(d -> d.findElements(By.cssSelector("img.blk-image")).size() > charts);
        WebElement chart = lastOf(By.cssSelector("img.blk-image"));
        wait.until(d ->
                Boolean.TRUE.equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart)));
        assertThat(chart.getAttribute("alt"))
                .startsWith("Chart of the pulse of week")
                .contains("Vision");

        WebElement pulse = chart.findElement(By.xpath("./ancestor::div[contains(@class,'msg')]"));
        pulse.findElement(By.cssSelector("button[data-preview='slack']")).click();
        WebElement json = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("pre.preview-json")));
        assertThat(json.getText()).contains("\"type\": \"image\"").contains("\"alt_text\"");
    }

    private int recordedScales() {
        return browser.findElements(By.cssSelector(".scale .choices button.selected"))
                .size();
    }

    private WebElement lastOf(By by) {
        List<WebElement> all = browser.findElements(by);
        return all.get(all.size() - 1);
    }

    private void signInAs(String person) {
        browser.get(url("/dashboard/login"));
        browser.findElement(By.id("as-" + person)).click();
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.urlToBe(url("/dashboard")));
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
