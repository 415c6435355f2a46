package app.trustpulse.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The doctor with fake checks: one line per check, ✓ when fine, and each failing check's fix in plain words. */
class DoctorTest {

    private final Texts texts = new Texts();
    private final AtomicReference<Optional<String>> askedWorkspace = new AtomicReference<>();

    private Finding scopes = Finding.ok("doctor.slackScopes.ok");
    private Finding socket = Finding.ok("doctor.socketMode.ok");
    private Finding address = Finding.ok("doctor.publicAddress.ok", "https://pulse.example.org");
    private Finding database = Finding.ok("doctor.database.ok", 30);
    private Finding key = Finding.ok("doctor.pseudonymKey.ok");
    private Finding scheduler = Finding.ok("doctor.scheduler.ok");
    private Finding teams = Finding.ok("doctor.teams.ok");

    private Doctor doctor() {
        SlackCheck slack = new SlackCheck() {
            @Override
            public Optional<Finding> scopes(Optional<String> workspaceId) {
                askedWorkspace.set(workspaceId);
                return Optional.of(scopes);
            }

            @Override
            public Optional<Finding> socketMode() {
                return Optional.of(socket);
            }
        };
        return new Doctor(
                slack, () -> Optional.of(teams), () -> address, () -> database, () -> key, () -> scheduler, texts);
    }

    @Test
    void aHealthyInstallGetsATickOnEveryLine() {
        Doctor doctor = doctor();
        List<Doctor.Line> lines = doctor.examine(Language.EN, Optional.of("T1"));

        assertThat(lines)
                .extracting(Doctor.Line::text)
                .containsExactly(
                        "✓ Slack permissions: the token has every scope the service uses",
                        "✓ Slack Socket Mode: connected",
                        "✓ Public address: https://pulse.example.org answers",
                        "✓ Database: reachable, 30 migrations applied",
                        "✓ Key of the personal data: comes from the environment",
                        "✓ Scheduler: running",
                        "✓ Microsoft Teams credentials: Microsoft gives the bot a token");
        assertThat(doctor.allOk(lines)).isTrue();
        assertThat(askedWorkspace.get()).contains("T1");
    }

    @Test
    void eachFailingCheckSaysWhatToDo() {
        scopes = Finding.fix("doctor.slackScopes.missing", "channels:history, groups:history");
        socket = Finding.fix("doctor.socketMode.closed");
        address = Finding.fix("doctor.publicAddress.unset");
        database = Finding.fix("doctor.database.pending", 2, "V200, V201");
        key = Finding.fix("doctor.pseudonymKey.generated");
        scheduler = Finding.fix("doctor.scheduler.quartzStopped");
        teams = Finding.fix("doctor.teams.refused", "MsalServiceException AADSTS7000215");
        Doctor doctor = doctor();

        List<Doctor.Line> lines = doctor.examine(Language.EN, Optional.empty());

        assertThat(doctor.allOk(lines)).isFalse();
        assertThat(lines).allSatisfy(l -> assertThat(l.ok()).isFalse());
        assertThat(lines)
                .extracting(Doctor.Line::text)
                .satisfiesExactly(
                        l -> assertThat(l)
                                .startsWith(
                                        "✗ Slack permissions: the Slack app lacks channels:history, groups:history.")
                                .contains("reinstall the app"),
                        l -> assertThat(l).startsWith("✗ Slack Socket Mode:").contains("SLACK_APP_TOKEN"),
                        l -> assertThat(l)
                                .startsWith("✗ Public address: not set.")
                                .contains("Set PULSE_PUBLIC_URL"),
                        l -> assertThat(l)
                                .startsWith("✗ Database: 2 migrations are not applied yet (V200, V201).")
                                .contains("Restart the service"),
                        l -> assertThat(l)
                                .startsWith("✗ Key of the personal data:")
                                .contains("Set PULSE_PSEUDONYM_SECRET"),
                        l -> assertThat(l).startsWith("✗ Scheduler:").contains("restart the service"),
                        l -> assertThat(l)
                                .startsWith("✗ Microsoft Teams credentials:")
                                .contains("AADSTS7000215")
                                .contains("client secret"));
    }

    @Test
    void theFixesAreInDutchToo() {
        database = Finding.fix("doctor.database.unreachable", "SQLTransientConnectionException 08001");
        key = Finding.fix("doctor.pseudonymKey.generated");

        List<Doctor.Line> lines = doctor().examine(Language.NL, Optional.empty());

        assertThat(lines)
                .extracting(Doctor.Line::text)
                .contains("✓ Planner: draait")
                .anySatisfy(l -> assertThat(l)
                        .startsWith("✗ Database: de database antwoordt niet (SQLTransientConnectionException 08001).")
                        .contains("Controleer SPRING_DATASOURCE_URL"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("✗ Sleutel van de persoonsgegevens: zelf gemaakt en bewaard in de database"));
    }

    @Test
    void platformsThatAreOffHaveNoLineAndACheckThatBreaksSaysSo() {
        Doctor doctor = new Doctor(
                SlackCheck.OFF,
                TeamsCheck.OFF,
                () -> Finding.fix("doctor.publicAddress.unset"),
                () -> {
                    throw new IllegalStateException("pool closed");
                },
                () -> Finding.ok("doctor.pseudonymKey.ok"),
                () -> Finding.ok("doctor.scheduler.ok"),
                texts);

        List<Doctor.Line> lines = doctor.examine(Language.EN, Optional.empty());

        assertThat(lines)
                .extracting(Doctor.Line::text)
                .containsExactly(
                        texts.get(
                                Language.EN,
                                "doctor.line.fix",
                                "Public address",
                                texts.get(Language.EN, "doctor.publicAddress.unset")),
                        "✗ Database: the check itself failed (IllegalStateException: pool closed). The log says more.",
                        "✓ Key of the personal data: comes from the environment",
                        "✓ Scheduler: running");
    }
}
