package app.trustpulse.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Slow;
import app.trustpulse.support.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A newcomer following the README's "Try it in the playground" steps in order, in a real browser against the service
 * as it starts with no settings: the steps must end in a pulse with a number in every dimension and its chart, a
 * leader's digest with the self-check beside the team's view and a nudge, a dashboard trend, and a second week after
 * "Next week". Each step leaves a screenshot in target/newcomer-screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Slow
class NewcomerBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path SCREENSHOTS = Path.of("target", "newcomer-screenshots");
    private static final Pattern SCORE = Pattern.compile("^\\d[.,]\\d$");

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private int shots;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = "jdbc:h2:mem:newcomer-" + UUID.randomUUID() + TestDatabases.H2_FLAGS + ";DB_CLOSE_DELAY=-1";
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @BeforeAll
    void start() throws IOException {
        browser = Browser.start();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1600, 1000));
        wait = new WebDriverWait(browser, WAIT);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReadmeStepsEndInARealPulseADigestWithTheSelfCheckAndATrend() throws IOException {
        // 1. Create demo team.
        browser.get(url("/playground"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("title"), "playground"));
        click("create-demo");
        wait.until(d ->
                !d.findElements(By.cssSelector("#person option[value='tom']")).isEmpty());
        screenshot("create-demo-team");

        // 2. Simulate 6 past weeks: six pulses, each with its chart, before this week.
        click("simulate");
        wait.until(d -> channelCharts() >= 6);
        screenshot("simulate-past-weeks");

        // 3. Send the whole week: everyone, the leader too, gets all six statements.
        click("play-week");
        wait.until(d -> openScales() >= 6 * 6);
        screenshot("send-the-whole-week");

        // 4. Answer: Mia by hand, everyone else made up for the demo.
        int recorded = selectedScales();
        WebElement mia = dmColumn("Mia");
        mia.findElement(By.cssSelector(".scale .choices button[data-value='4']"))
                .click();
        wait.until(d -> selectedScales() > recorded);
        click("answer-all");
        wait.until(d -> openScales() == 0);
        screenshot("answer-for-everyone");

        // 5. /pulse close-week: the pulse in the channel with numbers and a chart, and the leader's digest.
        int charts = channelCharts();
        click("close-week");
        wait.until(d -> channelCharts() > charts);
        WebElement pulse = lastPulse();
        assertEveryDimensionHasANumber(pulse);
        assertChartLoaded(pulse);
        WebElement digest = wait.until(d -> latestDigest());
        assertThat(digest.getText()).contains("Your view beside the team's");
        WebElement selfCheck = digest.findElement(
                By.xpath(".//table[contains(@class,'scores')][.//th[normalize-space()='You · team']]"));
        assertThat(selfCheck.findElements(By.xpath(".//tr[td]")))
                .as("self-check rows")
                .isNotEmpty();
        assertThat(digest.getText()).contains("Something to try this week");
        assertThat(digest.findElements(By.xpath(".//button[normalize-space()='I tried it']")))
                .as("nudges")
                .isNotEmpty();
        scrollIntoView(pulse);
        screenshot("close-week-pulse");
        scrollIntoView(digest);
        screenshot("close-week-digest");

        // 6. Dashboard: sign in as the leader; the trend starts at the first simulated week and has points.
        browser.get(url("/dashboard/login"));
        browser.findElement(By.id("as-lee")).click();
        wait.until(ExpectedConditions.urlToBe(url("/dashboard")));
        browser.findElement(By.cssSelector("a.team-link")).click();
        wait.until(d -> script("return typeof Chart === 'function' && Chart.getChart('trend-chart') != null"));
        long points = ((Number) script("return Chart.getChart('trend-chart').data.datasets"
                        + ".flatMap(d => d.data).filter(v => v !== null && v !== undefined).length"))
                .longValue();
        long weeks = ((Number) script("return Chart.getChart('trend-chart').data.labels.length")).longValue();
        assertThat(points).as("points in the trend").isGreaterThanOrEqualTo(7 * 6);
        assertThat(weeks)
                .as("weeks in the trend, from the team's first week on")
                .isEqualTo(7);
        assertThat(script("return document.querySelector('main section.card').id"))
                .as("the page leads with what changed")
                .isEqualTo("changes");
        assertThat(browser.findElement(By.id("changes")).getText())
                .contains("What changed", "against last week and against the average of the four weeks before");
        screenshot("dashboard-trend");

        // 7. Next week, and the same week again: a second real pulse without starting over.
        browser.get(url("/playground"));
        wait.until(d ->
                !d.findElements(By.cssSelector("#person option[value='tom']")).isEmpty());
        String weekBefore = browser.findElement(By.id("week-label")).getText();
        click("next-week");
        wait.until(d -> !d.findElement(By.id("week-label")).getText().equals(weekBefore));
        assertThat(browser.findElement(By.id("week-label")).getText()).contains("+ 1");
        screenshot("next-week");
        click("play-week");
        wait.until(d -> openScales() >= 6 * 6);
        click("answer-all");
        wait.until(d -> openScales() == 0);
        int chartsBefore = channelCharts();
        click("close-week");
        wait.until(d -> channelCharts() > chartsBefore);
        WebElement second = lastPulse();
        assertEveryDimensionHasANumber(second);
        assertChartLoaded(second);
        scrollIntoView(second);
        screenshot("second-week-pulse");
        assertThat((String) script("return document.getElementById('problem').hidden ? '' : "
                        + "document.getElementById('problem').textContent"))
                .as("a refusal on the page")
                .isEmpty();
    }

    /** A button of the page's toolbar, once the click before it is done; the page must not refuse it. */
    private void click(String id) {
        wait.until(d -> Boolean.TRUE.equals(script("return document.body.style.cursor === ''")));
        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        button.click();
        wait.until(d -> Boolean.TRUE.equals(script("return document.body.style.cursor === ''")));
        String problem = (String) script("return document.getElementById('problem').hidden ? '' : "
                + "document.getElementById('problem').textContent");
        assertThat(problem).as("refusal after %s", id).isEmpty();
    }

    private void assertEveryDimensionHasANumber(WebElement pulse) {
        assertThat(pulse.getText()).doesNotContainIgnoringCase("withheld");
        List<WebElement> rows = pulse.findElements(By.xpath(".//table[contains(@class,'scores')]//tr[td]"));
        assertThat(rows).as("rows of the pulse").hasSize(6);
        for (WebElement row : rows) {
            String score = row.findElements(By.tagName("td")).get(1).getText().trim();
            assertThat(score).as("score of %s", row.getText()).matches(SCORE);
        }
    }

    private void assertChartLoaded(WebElement pulse) {
        WebElement chart = pulse.findElement(By.cssSelector("img.blk-image"));
        scrollIntoView(chart);
        wait.until(d ->
                Boolean.TRUE.equals(script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart)));
        assertThat(chart.getAttribute("alt"))
                .startsWith("Chart of the pulse of week")
                .doesNotContain("withheld");
    }

    private WebElement lastPulse() {
        List<WebElement> charts = channel().findElements(By.cssSelector("img.blk-image"));
        return charts.get(charts.size() - 1).findElement(By.xpath("./ancestor::div[contains(@class,'msg')]"));
    }

    /** The leader's newest digest: a message with nudges in their direct message. */
    private WebElement latestDigest() {
        List<WebElement> digests = dmColumn("Lee")
                .findElements(
                        By.xpath(
                                ".//div[contains(@class,'msg')][.//*[contains(normalize-space(),'Something to try this week')]]"));
        return digests.isEmpty() ? null : digests.get(digests.size() - 1);
    }

    private WebElement channel() {
        return browser.findElement(By.cssSelector("section.column.channel"));
    }

    private WebElement dmColumn(String name) {
        return browser.findElement(
                By.xpath("//section[contains(@class,'dm')][h2[starts-with(normalize-space(),'" + name + "')]]"));
    }

    private int channelCharts() {
        return browser.findElements(By.cssSelector("section.column.channel img.blk-image"))
                .size();
    }

    private int openScales() {
        return ((Number) script("return [...document.querySelectorAll('.scale .choices')]"
                        + ".filter(c => !c.querySelector('button.selected')).length"))
                .intValue();
    }

    private int selectedScales() {
        return browser.findElements(By.cssSelector(".scale .choices button.selected"))
                .size();
    }

    private void scrollIntoView(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", element);
    }

    private void screenshot(String step) throws IOException {
        shots++;
        Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(
                file,
                SCREENSHOTS.resolve(String.format("%02d-%s.png", shots, step)),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Object script(String js, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(js, args);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
