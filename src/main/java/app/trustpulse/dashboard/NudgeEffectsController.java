package app.trustpulse.dashboard;

import app.trustpulse.insight.NotAllowed;
import app.trustpulse.insight.Viewer;
import app.trustpulse.nudge.DeploymentEstimates;
import app.trustpulse.nudge.NudgeCatalog;
import app.trustpulse.nudge.RandomisedEffect;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the randomised nudges did across the whole deployment, per dimension and per nudge, for service admins and the
 * people who maintain the catalog: counts, estimates and margins from published team means only, no team named.
 */
@Controller
class NudgeEffectsController {

    static final String PATH = "/dashboard/nudge-effects";
    /** Two years of decisions. */
    private static final int WEEKS = 104;

    /** One line of the page. */
    record Line(String what, String dimension, String effect, int leaders, int sent, int withheld, int missing) {}

    private final DeploymentEstimates estimates;
    private final NudgeCatalog catalog;
    private final Texts texts;
    private final Clock clock;
    private final SignedIn signedIn;

    NudgeEffectsController(
            DeploymentEstimates estimates, NudgeCatalog catalog, Texts texts, Clock clock, SignedIn signedIn) {
        this.estimates = estimates;
        this.catalog = catalog;
        this.texts = texts;
        this.clock = clock;
        this.signedIn = signedIn;
    }

    @GetMapping(PATH)
    String effects(Authentication auth, Model model) {
        Viewer viewer = signedIn.viewer(auth);
        if (!viewer.admin()) {
            throw new NotAllowed("admins only");
        }
        Language lang = PageLanguage.current();
        DeploymentEstimates.Report report =
                estimates.report(WeekId.of(clock.instant(), ZoneOffset.UTC).minus(WEEKS));
        model.addAttribute("viewer", viewer);
        model.addAttribute(
                "dimensionLines",
                report.dimensions().stream().map(r -> line(lang, r, "")).toList());
        model.addAttribute(
                "nudgeLines",
                report.nudges().stream()
                        .map(r -> line(lang, r, nudgeName(lang, r.nudgeId().orElseThrow())))
                        .toList());
        return "dashboard/nudge-effects";
    }

    private String nudgeName(Language lang, String id) {
        return catalog.find(lang, id).map(n -> n.text() + " (" + id + ")").orElse(id);
    }

    private Line line(Language lang, DeploymentEstimates.Row r, String what) {
        RandomisedEffect.Counts c = r.counts();
        String effect = r.estimate()
                .map(e -> String.format(lang.locale(), "%+.2f ± %.2f", e.effect(), e.margin())
                        .replace('-', '−'))
                .orElse(texts.get(lang, "dashboard.effects.tooFew", DeploymentEstimates.MIN_EACH));
        return new Line(
                what,
                texts.dimensionName(lang, r.dimension()),
                effect,
                r.leaders(),
                c.sent(),
                c.withheld(),
                c.missingSent() + c.missingWithheld());
    }
}
