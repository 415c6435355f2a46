package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.Version;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The retired Bot Framework SDK ships okhttp 3.12, Jackson 2.12, Guava 30 and nimbus-jose-jwt 9.9, all with known
 * vulnerabilities; the build aligns them. This proves the aligned versions are the ones on the classpath (the
 * token tests in {@link TeamsAdapterTest} prove the SDK still validates tokens on them).
 */
class LibraryAlignmentTest {

    @Test
    void okhttpIsVersionFourTwelveOnly() {
        assertThat(okhttp3.OkHttp.VERSION).startsWith("4.12.");
        assertThat(getClass().getClassLoader().getResource("okhttp3/internal/Version.class"))
                .as("no okhttp 3 jar beside okhttp 4")
                .isNull();
    }

    @Test
    void jackson2IsTheOneSpringBootManagesNotTheSdks() {
        Version databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION;
        Version core = com.fasterxml.jackson.core.json.PackageVersion.VERSION;
        assertThat(databind.getMajorVersion()).isEqualTo(2);
        assertThat(databind.getMinorVersion()).isGreaterThanOrEqualTo(21);
        assertThat(core.getMinorVersion()).isEqualTo(databind.getMinorVersion());
    }

    @Test
    void guavaAndNimbusAreFixedReleases() throws IOException {
        assertThat(major(mavenVersion("com.google.guava", "guava"))).isGreaterThanOrEqualTo(33);
        String nimbus = mavenVersion("com.nimbusds", "nimbus-jose-jwt");
        assertThat(major(nimbus) * 1000 + Integer.parseInt(nimbus.split("\\.")[1]))
                .isGreaterThanOrEqualTo(9037);
    }

    private static int major(String version) {
        return Integer.parseInt(version.split("\\.")[0]);
    }

    /** The version of the one jar of this artifact on the classpath, from its Maven metadata. */
    private static String mavenVersion(String group, String artifact) throws IOException {
        String name = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        List<URL> found =
                Collections.list(LibraryAlignmentTest.class.getClassLoader().getResources(name));
        assertThat(found).as(name).hasSize(1);
        Properties properties = new Properties();
        try (InputStream in = found.get(0).openStream()) {
            properties.load(in);
        }
        return properties.getProperty("version");
    }
}
