package app.trustpulse.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages (Debian's chromium and chromium-driver, which .ci/run installs),
 * driven by Selenium. Both paths are given, so Selenium Manager never looks for or downloads a browser or driver.
 * Without them the browser tests are skipped, unless TRUST_PULSE_BROWSER_TESTS=required (as on CI) fails them.
 */
final class Browser {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private Browser() {}

    static ChromeDriver start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("TRUST_PULSE_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install chromium chromium-driver (see .ci/run)");
        }
        Assumptions.assumeTrue(present, "no chromium/chromedriver on this machine: browser tests skipped");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,900",
                "--lang=en-US",
                "--disable-extensions",
                "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Keeps the page a failed test ended on (its HTML and a screenshot) in target/browser-failures, so a failure on a
     * loaded CI machine can be read afterwards instead of guessed at.
     */
    record KeepsFailedPages(Supplier<ChromeDriver> browser) implements TestWatcher {

        static final Path FOLDER = Path.of("target", "browser-failures");

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            ChromeDriver driver = browser.get();
            if (driver == null) {
                return;
            }
            String name = context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName();
            name = name.replaceAll("[^A-Za-z0-9.]", "");
            try {
                Files.createDirectories(FOLDER);
                Files.writeString(
                        FOLDER.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
                Files.write(FOLDER.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            } catch (Exception e) {
                System.err.println("could not keep the failed page of " + name + ": " + e);
            }
        }
    }
}
