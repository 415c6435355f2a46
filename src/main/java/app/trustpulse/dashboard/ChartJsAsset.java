package app.trustpulse.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the Chart.js webjar on the classpath serves its script, whatever version the build put there. */
final class ChartJsAsset {

    private static final String POM = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ChartJsAsset() {}

    static String path() {
        try (InputStream in = ChartJsAsset.class.getClassLoader().getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the chart.js webjar is missing from the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return "/webjars/chart.js/" + p.getProperty("version") + "/dist/chart.umd.js";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
