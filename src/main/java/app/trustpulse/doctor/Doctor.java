package app.trustpulse.doctor;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * "doctor": checks what an install needs (the Slack token's scopes, Socket Mode or the public address, the database
 * and its migrations, the key of the personal data, the scheduler, the Teams credentials) and says, one line per
 * check, that it is fine or what to do. Each area is a port its adapter answers; a check that fails to run says so in
 * its own line and the others still run.
 */
public final class Doctor {

    /** One line of the report: the check's name, and ✓ or what to do. */
    public record Line(boolean ok, String text) {}

    private final SlackCheck slack;
    private final TeamsCheck teams;
    private final PublicAddressCheck publicAddress;
    private final DatabaseCheck database;
    private final PseudonymKeyCheck pseudonymKey;
    private final SchedulerCheck scheduler;
    private final Texts texts;

    public Doctor(
            SlackCheck slack,
            TeamsCheck teams,
            PublicAddressCheck publicAddress,
            DatabaseCheck database,
            PseudonymKeyCheck pseudonymKey,
            SchedulerCheck scheduler,
            Texts texts) {
        this.slack = slack;
        this.teams = teams;
        this.publicAddress = publicAddress;
        this.database = database;
        this.pseudonymKey = pseudonymKey;
        this.scheduler = scheduler;
        this.texts = texts;
    }

    /** Every check, in the order an install needs them; {@code slackWorkspace} is the workspace asking, if any. */
    public List<Line> examine(Language lang, Optional<String> slackWorkspace) {
        List<Line> lines = new ArrayList<>();
        optional(lang, "slackScopes", () -> slack.scopes(slackWorkspace)).ifPresent(lines::add);
        optional(lang, "socketMode", slack::socketMode).ifPresent(lines::add);
        lines.add(line(lang, "publicAddress", publicAddress::publicAddress));
        lines.add(line(lang, "database", database::database));
        lines.add(line(lang, "pseudonymKey", pseudonymKey::pseudonymKey));
        lines.add(line(lang, "scheduler", scheduler::scheduler));
        optional(lang, "teams", teams::credentials).ifPresent(lines::add);
        return lines;
    }

    public boolean allOk(List<Line> lines) {
        return lines.stream().allMatch(Line::ok);
    }

    private Line line(Language lang, String area, Supplier<Finding> check) {
        return optional(lang, area, () -> Optional.of(check.get())).orElseThrow();
    }

    private Optional<Line> optional(Language lang, String area, Supplier<Optional<Finding>> check) {
        Optional<Finding> finding;
        try {
            finding = check.get();
        } catch (RuntimeException e) {
            finding = Optional.of(Finding.fix(
                    "doctor.failed",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        return finding.map(f -> {
            String name = texts.get(lang, "doctor." + area);
            String said = texts.get(lang, f.key(), f.args().toArray());
            return new Line(f.ok(), texts.get(lang, f.ok() ? "doctor.line.ok" : "doctor.line.fix", name, said));
        });
    }
}
