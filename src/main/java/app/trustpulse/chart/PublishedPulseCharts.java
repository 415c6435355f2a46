package app.trustpulse.chart;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ImageUploads;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws a week's pulse once, keeps the image in the database under a random token and shows it the way the team's
 * platform can: at {@code <PULSE_PUBLIC_URL>/pulse-charts/<token>.png} when the service has a public address (the
 * playground, on this machine, at a relative one). Without one, Slack gets the image as a file uploaded once per team
 * and week ({@link ImageUploads}) and Teams gets a smaller drawing inside the card as a {@code data:} URI when that
 * fits
 * a Teams message; otherwise, or when anything fails, the pulse stays text only. No chart is drawn when every
 * dimension is withheld: it would show nothing but the word "withheld".
 */
final class PublishedPulseCharts implements PulseCharts {

    static final String PATH = "/pulse-charts/";
    /**
     * The most a chart may take inside a Teams card as a data URI: a Teams message is at most about 28 KB, and the
     * rest of the pulse (its table and texts) needs room too.
     */
    static final int INLINE_LIMIT = 18_000;

    static final String DATA_URI = "data:image/png;base64,";
    /** After this long an upload still claimed (its sender died or hangs) may be done by another sender. */
    static final Duration UPLOAD_CLAIM = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(PublishedPulseCharts.class);

    private final ChartStore store;
    private final ChartDrawing drawing;
    private final PulseRepository pulses;
    private final Texts texts;
    private final ChartProperties properties;
    private final Clock clock;
    private final Map<Platform, ImageUploads> uploads = new EnumMap<>(Platform.class);
    private final SecureRandom random = new SecureRandom();

    PublishedPulseCharts(
            ChartStore store,
            ChartDrawing drawing,
            PulseRepository pulses,
            Texts texts,
            ChartProperties properties,
            Clock clock) {
        this(store, drawing, pulses, texts, properties, clock, List.of());
    }

    PublishedPulseCharts(
            ChartStore store,
            ChartDrawing drawing,
            PulseRepository pulses,
            Texts texts,
            ChartProperties properties,
            Clock clock,
            List<ImageUploads> uploads) {
        this.store = store;
        this.drawing = drawing;
        this.pulses = pulses;
        this.texts = texts;
        this.properties = properties;
        this.clock = clock;
        uploads.forEach(u -> this.uploads.put(u.platform(), u));
    }

    /** How a team's messages can show a chart. */
    private enum Route {
        ADDRESS,
        UPLOAD,
        INLINE,
        NONE
    }

    private Route route(Team team) {
        if (team.platform() == Platform.PLAYGROUND || properties.publicUrl().isPresent()) {
            return Route.ADDRESS;
        }
        if (uploads.containsKey(team.platform())) {
            return Route.UPLOAD;
        }
        return team.platform() == Platform.TEAMS ? Route.INLINE : Route.NONE;
    }

    @Override
    public Optional<Block.Image> chartOf(Team team, WeeklyPulse pulse) {
        Route route = route(team);
        if (route == Route.NONE || pulse.withheld() || everyDimensionWithheld(pulse)) {
            return Optional.empty();
        }
        try {
            Instant now = clock.instant();
            Map<Dimension, OptionalDouble> trend = trend(team, pulse.week());
            ChartDrawing.Size size = route == Route.INLINE ? ChartDrawing.Size.COMPACT : ChartDrawing.Size.REGULAR;
            Optional<String> token = store.tokenOf(team.id(), pulse.week(), now);
            if (token.isEmpty()) {
                store.deleteExpired(now);
                String fresh = newToken();
                byte[] png = drawing.png(data(team, pulse, trend), size);
                token = store.insert(fresh, team.id(), pulse.week(), png, now, now.plus(properties.ttl()))
                        ? Optional.of(fresh)
                        : store.tokenOf(team.id(), pulse.week(), now);
            }
            if (token.isEmpty()) {
                return Optional.empty();
            }
            String alt = altText(team.language(), pulse, trend);
            return switch (route) {
                case ADDRESS ->
                    Optional.of(new Block.Image(
                            (team.platform() == Platform.PLAYGROUND
                                            ? ""
                                            : properties.publicUrl().get()) + PATH + token.get() + ".png",
                            alt));
                case UPLOAD ->
                    uploaded(team, pulse.week(), token.get(), alt, now).map(id -> Block.Image.platformFile(id, alt));
                case INLINE -> inline(token.get(), now).map(uri -> new Block.Image(uri, alt));
                case NONE -> Optional.empty();
            };
        } catch (RuntimeException | LinkageError | InternalError e) {
            // A chart is an extra: without fonts, with the database busy or the upload refused, the pulse still goes
            // out as text.
            LOG.warn("no chart for week {} of team {}: {}", pulse.week(), team.id(), e.toString());
            return Optional.empty();
        }
    }

    static boolean everyDimensionWithheld(WeeklyPulse pulse) {
        return pulse.dimensions().stream().allMatch(DimensionScore::withheld);
    }

    /**
     * The file id of the chart, uploaded by the first sender that needs it and kept with the chart, so that a retried
     * post and every leader's digest show the same file. While another sender is uploading, this message goes
     * without the chart rather than uploading it a second time.
     */
    private Optional<String> uploaded(Team team, WeekId week, String token, String alt, Instant now) {
        Optional<String> done = store.uploadedFileOf(token);
        if (done.isPresent() || !store.claimUpload(token, now, now.minus(UPLOAD_CLAIM))) {
            return done.or(() -> store.uploadedFileOf(token));
        }
        try {
            byte[] png = store.png(token, now).orElseThrow(() -> new IllegalStateException("the chart expired"));
            String fileId =
                    uploads.get(team.platform()).uploadPng(team.workspaceId(), "pulse-" + week + ".png", png, alt);
            store.uploaded(token, fileId);
            return Optional.of(fileId);
        } catch (RuntimeException e) {
            store.releaseUpload(token);
            throw e;
        }
    }

    /** The chart as a data URI, when it is small enough to travel inside the message. */
    private Optional<String> inline(String token, Instant now) {
        return store.png(token, now)
                .map(png -> DATA_URI + Base64.getEncoder().encodeToString(png))
                .filter(uri -> uri.length() <= INLINE_LIMIT);
    }

    /** The average published mean of each dimension over the weeks before this one. */
    private Map<Dimension, OptionalDouble> trend(Team team, WeekId week) {
        Map<WeekId, Map<Dimension, Double>> history =
                pulses.history(team.id(), week.minus(properties.historyWeeks()), week);
        Map<Dimension, OptionalDouble> trend = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.inModelOrder()) {
            trend.put(
                    d,
                    history.values().stream()
                            .filter(m -> m.containsKey(d))
                            .mapToDouble(m -> m.get(d))
                            .average());
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
        return new ChartData(
                texts.get(lang, "chart.title", team.name(), pulse.week().week()),
                texts.get(lang, "chart.axis"),
                texts.get(lang, "chart.legend.week"),
                texts.get(lang, "chart.legend.trend", properties.historyWeeks()),
                texts.get(lang, "chart.withheld"),
                lang.locale(),
                bars);
    }

    /** Everything the picture shows, in words: each dimension's score this week and the average before, or withheld. */
    String altText(Language lang, WeeklyPulse pulse, Map<Dimension, OptionalDouble> trend) {
        String parts = Dimension.inModelOrder().stream()
                .map(d -> {
                    String name = texts.dimensionName(lang, d);
                    Optional<Double> mean = pulse.mean(d);
                    if (mean.isEmpty()) {
                        return texts.get(lang, "chart.alt.withheld", name);
                    }
                    OptionalDouble before = trend.get(d);
                    return before.isPresent()
                            ? texts.get(
                                    lang,
                                    "chart.alt.score",
                                    name,
                                    TextFormats.score(lang, mean.get()),
                                    properties.historyWeeks(),
                                    TextFormats.score(lang, before.getAsDouble()))
                            : texts.get(lang, "chart.alt.scoreNoTrend", name, TextFormats.score(lang, mean.get()));
                })
                .collect(Collectors.joining("; "));
        return texts.get(lang, "chart.alt", pulse.week().week(), parts);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
