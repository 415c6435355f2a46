package app.trustpulse.chart;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.summary.PulseCharts;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a week's pulse once, keeps the image in the database under a random token and hands out its address:
 * {@code <PULSE_PUBLIC_URL>/pulse-charts/<token>.png}. Without a public address Slack and Teams could not fetch
 * it, so their pulse stays text only; the playground runs on this machine and gets a relative address.
 */
final class PublishedPulseCharts implements PulseCharts {

    static final String PATH = "/pulse-charts/";
    private static final Logger LOG = LoggerFactory.getLogger(PublishedPulseCharts.class);

    private final ChartStore store;
    private final ChartDrawing drawing;
    private final PulseRepository pulses;
    private final Texts texts;
    private final ChartProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PublishedPulseCharts(ChartStore store, ChartDrawing drawing, PulseRepository pulses, Texts texts, ChartProperties properties,
                         Clock clock) {
        this.store = store;
        this.drawing = drawing;
        this.pulses = pulses;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Optional<Block.Image> chartOf(Team team, WeeklyPulse pulse) {
        Optional<String> base = team.platform() == Platform.PLAYGROUND ? Optional.of("") : properties.publicUrl();
        if (base.isEmpty() || pulse.withheld()) {
            return Optional.empty();
        }
        try {
            Instant now = clock.instant();
            Map<Dimension, OptionalDouble> trend = trend(team, pulse.week());
            Optional<String> token = store.tokenOf(team.id(), pulse.week(), now);
            if (token.isEmpty()) {
                store.deleteExpired(now);
                String fresh = newToken();
                byte[] png = drawing.png(data(team, pulse, trend));
                token = store.insert(fresh, team.id(), pulse.week(), png, now, now.plus(properties.ttl()))
                        ? Optional.of(fresh)
                        : store.tokenOf(team.id(), pulse.week(), now);
            }
            return token.map(t -> new Block.Image(base.get() + PATH + t + ".png", altText(team.language(), pulse, trend)));
        } catch (RuntimeException | LinkageError | InternalError e) {
            // A chart is an extra: without fonts or with the database busy, the pulse still goes out as text.
            LOG.warn("no chart for week " + pulse.week() + " of team " + team.id() + ": " + e);
            return Optional.empty();
        }
    }

    /** The average published mean of each dimension over the weeks before this one. */
    private Map<Dimension, OptionalDouble> trend(Team team, WeekId week) {
        Map<WeekId, Map<Dimension, Double>> history = pulses.history(team.id(), week.minus(properties.historyWeeks()), week);
        Map<Dimension, OptionalDouble> trend = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.inModelOrder()) {
            trend.put(d, history.values().stream().filter(m -> m.containsKey(d)).mapToDouble(m -> m.get(d)).average());
        }
        return trend;
    }

    private ChartData data(Team team, WeeklyPulse pulse, Map<Dimension, OptionalDouble> trend) {
        Language lang = team.language();
        List<ChartData.Bar> bars = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble mean = pulse.score(d).map(DimensionScore::mean).orElse(OptionalDouble.empty());
            bars.add(new ChartData.Bar(texts.dimensionName(lang, d), mean, trend.get(d)));
        }
        return new ChartData(texts.get(lang, "chart.title", team.name(), pulse.week().week()), texts.get(lang, "chart.axis"),
                texts.get(lang, "chart.legend.week"), texts.get(lang, "chart.legend.trend", properties.historyWeeks()),
                texts.get(lang, "chart.withheld"), lang.locale(), bars);
    }

    /** Everything the picture shows, in words: each dimension's score this week and the average before, or withheld. */
    String altText(Language lang, WeeklyPulse pulse, Map<Dimension, OptionalDouble> trend) {
        String parts = Dimension.inModelOrder().stream().map(d -> {
            String name = texts.dimensionName(lang, d);
            Optional<Double> mean = pulse.mean(d);
            if (mean.isEmpty()) {
                return texts.get(lang, "chart.alt.withheld", name);
            }
            OptionalDouble before = trend.get(d);
            return before.isPresent()
                    ? texts.get(lang, "chart.alt.score", name, TextFormats.score(lang, mean.get()), properties.historyWeeks(),
                            TextFormats.score(lang, before.getAsDouble()))
                    : texts.get(lang, "chart.alt.scoreNoTrend", name, TextFormats.score(lang, mean.get()));
        }).collect(Collectors.joining("; "));
        return texts.get(lang, "chart.alt", pulse.week().week(), parts);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
