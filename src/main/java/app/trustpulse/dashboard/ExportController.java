package app.trustpulse.dashboard;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.Insights;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeekId;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * A team's published aggregates per closed week and dimension, as CSV or JSON, for whoever may see the team's
 * page, and trust in the rated leader per complete block of four weeks, as the page shows it. Withheld cells and
 * blocks carry no mean and no count; nothing in it is one person's answer. The CSV is written for the spreadsheet of
 * the page's language; the JSON is the same in every language.
 */
@RestController
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Insights insights;
    private final SignedIn signedIn;
    private final JsonMapper json;

    ExportController(Insights insights, SignedIn signedIn, JsonMapper json) {
        this.insights = insights;
        this.signedIn = signedIn;
        this.json = json;
    }

    @GetMapping("/dashboard/teams/{teamId}/export.csv")
    ResponseEntity<String> csv(
            @PathVariable long teamId,
            @RequestParam(name = "weeks", defaultValue = "52") int weeks,
            Authentication auth) {
        Viewer viewer = signedIn.viewer(auth);
        TeamAccess access = insights.access(viewer, teamId);
        List<PublishedWeek> published = insights.export(viewer, teamId, weeks);
        List<TrustInLeaderPool.Pooled> pools = insights.exportTrustInLeader(viewer, teamId, weeks);
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(access.team(), published, "csv"))
                .body(csv(access.team(), published, pools, PageLanguage.current()));
    }

    /**
     * The rows as a spreadsheet in the page's language opens them: Dutch Excel reads ";" between fields and a decimal
     * comma, English Excel "," and a decimal point. The byte order mark tells Excel the file is UTF-8. Trust in the leader
     * follows the weeks, one row per block of four weeks with dimension {@code trust_in_leader}, its week the block's
     * last, and the block's first and last week and the leader it names in columns of their own, empty on the weekly
     * rows; a block has no members asked or answered.
     */
    static String csv(Team team, List<PublishedWeek> published, List<TrustInLeaderPool.Pooled> pools, Language lang) {
        char sep = lang == Language.NL ? ';' : ',';
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(
                        String.valueOf(sep),
                        "team",
                        "week",
                        "dimension",
                        "mean",
                        "answers",
                        "withheld",
                        "members_asked",
                        "members_answered",
                        "pool_first_week",
                        "pool_last_week",
                        "rated_leader"))
                .append("\r\n");
        for (PublishedWeek p : published) {
            for (Dimension d : Dimension.inModelOrder()) {
                Cell c = p.cell(d);
                out.append(csvField(team.name(), sep))
                        .append(sep)
                        .append(p.week())
                        .append(sep)
                        .append(d.name().toLowerCase(Locale.ROOT))
                        .append(sep)
                        .append(
                                c.withheld()
                                        ? ""
                                        : String.format(
                                                lang.locale(), "%.2f", c.mean().getAsDouble()))
                        .append(sep)
                        .append(c.withheld() ? "" : String.valueOf(c.answers()))
                        .append(sep)
                        .append(c.withheld())
                        .append(sep)
                        .append(p.asked())
                        .append(sep)
                        .append(p.answered())
                        .append(String.valueOf(sep).repeat(3))
                        .append("\r\n");
            }
        }
        for (TrustInLeaderPool.Pooled p : pools) {
            out.append(csvField(team.name(), sep))
                    .append(sep)
                    .append(p.to())
                    .append(sep)
                    .append("trust_in_leader")
                    .append(sep)
                    .append(
                            p.withheld()
                                    ? ""
                                    : String.format(
                                            lang.locale(), "%.2f", p.mean().getAsDouble()))
                    .append(sep)
                    .append(p.withheld() ? "" : String.valueOf(p.scores()))
                    .append(sep)
                    .append(p.withheld())
                    .append(sep)
                    .append(sep)
                    .append(sep)
                    .append(p.from())
                    .append(sep)
                    .append(p.to())
                    .append(sep)
                    .append(csvField(
                            p.leader()
                                    .map(RatedLeaderRepository.Named::displayName)
                                    .orElse(""),
                            sep))
                    .append("\r\n");
        }
        return out.toString();
    }

    @GetMapping("/dashboard/teams/{teamId}/export.json")
    ResponseEntity<String> json(
            @PathVariable long teamId,
            @RequestParam(name = "weeks", defaultValue = "52") int weeks,
            Authentication auth) {
        Viewer viewer = signedIn.viewer(auth);
        TeamAccess access = insights.access(viewer, teamId);
        List<PublishedWeek> published = insights.export(viewer, teamId, weeks);
        List<Map<String, Object>> weekList = new ArrayList<>();
        for (PublishedWeek p : published) {
            List<Map<String, Object>> dims = new ArrayList<>();
            for (Dimension d : Dimension.inModelOrder()) {
                Cell c = p.cell(d);
                Map<String, Object> dim = new LinkedHashMap<>();
                dim.put("dimension", d.name().toLowerCase(Locale.ROOT));
                dim.put("withheld", c.withheld());
                dim.put("mean", c.withheld() ? null : Math.round(c.mean().getAsDouble() * 100) / 100.0);
                dim.put("answers", c.withheld() ? null : c.answers());
                dims.add(dim);
            }
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("week", p.week().toString());
            w.put("membersAsked", p.asked());
            w.put("membersAnswered", p.answered());
            w.put("withheld", p.withheld());
            w.put("dimensions", dims);
            weekList.add(w);
        }
        List<Map<String, Object>> poolList = new ArrayList<>();
        for (TrustInLeaderPool.Pooled p : insights.exportTrustInLeader(viewer, teamId, weeks)) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("firstWeek", p.from().toString());
            pool.put("lastWeek", p.to().toString());
            pool.put(
                    "leader",
                    p.leader().map(RatedLeaderRepository.Named::displayName).orElse(null));
            pool.put("withheld", p.withheld());
            pool.put("mean", p.withheld() ? null : Math.round(p.mean().getAsDouble() * 100) / 100.0);
            pool.put("answers", p.withheld() ? null : p.scores());
            poolList.add(pool);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", access.team().name());
        body.put("threshold", access.team().threshold());
        body.put("weeks", weekList);
        body.put("trustInLeader", poolList);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(access.team(), published, "json"))
                .body(json.writeValueAsString(body));
    }

    /**
     * A download named after the team and the weeks in it, e.g. trust-pulse-sales-north-2026-W37--2026-W48.csv (ISO's
     * "--" between the first and the last week): in plain ASCII for every client, and as filename* in UTF-8 with
     * the team name's own letters for those that read it.
     */
    static String attachment(Team team, List<PublishedWeek> published, String extension) {
        String weeks = weekRange(published.stream().map(PublishedWeek::week).toList());
        String ascii = slug(team.name(), true);
        String unicode = slug(team.name(), false);
        String fallback = "team-" + team.id();
        String plain = "trust-pulse-" + (ascii.isEmpty() ? fallback : ascii) + weeks + "." + extension;
        String full = "trust-pulse-" + (unicode.isEmpty() ? fallback : unicode) + weeks + "." + extension;
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + rfc5987(full);
    }

    /** "", "-2026-W48" for one week, "-2026-W37--2026-W48" for several. */
    static String weekRange(List<WeekId> weeks) {
        if (weeks.isEmpty()) {
            return "";
        }
        WeekId first = weeks.stream().min(Comparator.naturalOrder()).orElseThrow();
        WeekId last = weeks.stream().max(Comparator.naturalOrder()).orElseThrow();
        return first.equals(last) ? "-" + last : "-" + first + "--" + last;
    }

    /** The team name in lower case with dashes between its words; in ASCII, accents are dropped ("Café" becomes "cafe"). */
    static String slug(String name, boolean ascii) {
        String s = Normalizer.normalize(name, ascii ? Normalizer.Form.NFD : Normalizer.Form.NFC)
                .toLowerCase(Locale.ROOT);
        if (ascii) {
            s = s.replaceAll("\\p{M}+", "")
                    .replace("ß", "ss")
                    .replace("æ", "ae")
                    .replace("ø", "o")
                    .replace("œ", "oe")
                    .replaceAll("[^a-z0-9]+", "-");
        } else {
            s = s.replaceAll("[^\\p{L}\\p{N}]+", "-");
        }
        s = s.replaceAll("(^-+|-+$)", "");
        return s.length() > 60 ? s.substring(0, 60).replaceAll("-+$", "") : s;
    }

    /** Percent-encodes all but RFC 5987's attr-chars, byte by byte of the UTF-8. */
    static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Quotes a field when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String csvField(String value) {
        return csvField(value, ',');
    }

    /** The same, for a file whose fields are separated by {@code separator}. */
    static String csvField(String value, char separator) {
        String v = value.matches("^[=+\\-@\t\r].*") ? "'" + value : value;
        if (v.indexOf(separator) >= 0 || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
