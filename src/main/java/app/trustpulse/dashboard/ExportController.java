package app.trustpulse.dashboard;

import app.trustpulse.insight.Cell;
import app.trustpulse.insight.PublishedWeek;
import app.trustpulse.insight.ReadingInsights;
import app.trustpulse.insight.TeamAccess;
import app.trustpulse.insight.Viewer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Team;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
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
 * page. Withheld cells carry no mean and no count; nothing in it is one person's answer.
 */
@RestController
class ExportController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ReadingInsights insights;
    private final SignedIn signedIn;
    private final JsonMapper json;

    ExportController(ReadingInsights insights, SignedIn signedIn, JsonMapper json) {
        this.insights = insights;
        this.signedIn = signedIn;
        this.json = json;
    }

    @GetMapping("/dashboard/teams/{teamId}/export.csv")
    ResponseEntity<String> csv(@PathVariable long teamId, @RequestParam(name = "weeks", defaultValue = "52") int weeks,
                               Authentication auth) {
        Viewer viewer = signedIn.viewer(auth);
        TeamAccess access = insights.access(viewer, teamId);
        List<PublishedWeek> published = insights.export(viewer, teamId, weeks);
        StringBuilder out = new StringBuilder("team,week,dimension,mean,answers,withheld,members_asked,members_answered\r\n");
        for (PublishedWeek p : published) {
            for (Dimension d : Dimension.inModelOrder()) {
                Cell c = p.cell(d);
                out.append(csvField(access.team().name())).append(',')
                        .append(p.week()).append(',')
                        .append(d.name().toLowerCase(Locale.ROOT)).append(',')
                        .append(c.withheld() ? "" : String.format(Locale.ROOT, "%.2f", c.mean().getAsDouble())).append(',')
                        .append(c.withheld() ? "" : String.valueOf(c.answers())).append(',')
                        .append(c.withheld()).append(',')
                        .append(p.asked()).append(',')
                        .append(p.answered()).append("\r\n");
            }
        }
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(access.team(), "csv"))
                .body(out.toString());
    }

    @GetMapping("/dashboard/teams/{teamId}/export.json")
    ResponseEntity<String> json(@PathVariable long teamId, @RequestParam(name = "weeks", defaultValue = "52") int weeks,
                                Authentication auth) {
        Viewer viewer = signedIn.viewer(auth);
        TeamAccess access = insights.access(viewer, teamId);
        List<Map<String, Object>> weekList = new ArrayList<>();
        for (PublishedWeek p : insights.export(viewer, teamId, weeks)) {
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", access.team().name());
        body.put("threshold", access.team().threshold());
        body.put("weeks", weekList);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(access.team(), "json"))
                .body(json.writeValueAsString(body));
    }

    private static String attachment(Team team, String extension) {
        String slug = team.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return ContentDisposition.attachment()
                .filename("trust-pulse-" + (slug.isEmpty() ? "team-" + team.id() : slug) + "." + extension)
                .build().toString();
    }

    /** Quotes a field when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
    static String csvField(String value) {
        String v = value.matches("^[=+\\-@\t\r].*") ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
