package app.trustpulse.chart;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ImageUploads;
import app.trustpulse.persistence.JdbcStores;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import app.trustpulse.support.TestDatabases;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class PulseChartsTest {

    private static final WeekId WEEK = WeekId.parse("2026-W47");
    private static final Instant CLOSE = Instant.parse("2026-11-20T15:00:00Z");

    private JdbcClient jdbc;
    private PulseRepository pulses;
    private ChartStore store;
    private Team slackTeam;
    private Team playgroundTeam;
    private Team teamsTeam;

    @BeforeEach
    void database() {
        javax.sql.DataSource dataSource = TestDatabases.h2();
        jdbc = JdbcClient.create(dataSource);
        JdbcStores stores = JdbcStores.on(dataSource, app.trustpulse.support.TestDatabases.SEALER);
        var teams = stores.teams();
        pulses = stores.pulses();
        store = new ChartStore(jdbc);
        slackTeam = teams.insert(new Team(
                0,
                Platform.SLACK,
                "T1",
                "C1",
                "team-rocket",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        playgroundTeam = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "demo",
                "team",
                "#team",
                ZoneId.of("Europe/Amsterdam"),
                Language.NL,
                3,
                TeamSchedule.defaults(),
                false));
        teamsTeam = teams.insert(new Team(
                0,
                Platform.TEAMS,
                "tenant",
                "19:chan",
                "Team Blue",
                ZoneId.of("Europe/Amsterdam"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        for (int back = 1; back <= 8; back++) {
            pulses.save(pulse(slackTeam, WEEK.minus(back), 3.9, true));
        }
    }

    private PublishedPulseCharts charts(Optional<String> publicUrl, Instant now) {
        return new PublishedPulseCharts(
                store,
                new ChartDrawing(),
                pulses,
                new Texts(),
                new ChartProperties(publicUrl, Duration.ofDays(90), 8),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Vision 3.6, Trust withheld, the others 4.0; earlier weeks all at the given level. */
    private static WeeklyPulse pulse(Team team, WeekId week, double vision, boolean trustPublished) {
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble mean = d == Dimension.VISION
                    ? OptionalDouble.of(vision)
                    : d == Dimension.TRUST && !trustPublished ? OptionalDouble.empty() : OptionalDouble.of(4.0);
            dims.add(new DimensionScore(
                    d, mean, mean.isPresent() ? 5 : 2, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        return new WeeklyPulse(team.id(), week, 6, 5, 3, false, dims, Optional.empty(), Optional.empty());
    }

    @Test
    void aWeeksChartIsDrawnOnceAndServedAtOneUnguessableAddress() throws Exception {
        PublishedPulseCharts charts = charts(Optional.of("https://pulse.example.com/"), CLOSE);
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, false);
        Block.Image first = charts.chartOf(slackTeam, pulse).orElseThrow();
        Block.Image again = charts.chartOf(slackTeam, pulse).orElseThrow();
        assertThat(first.url()).matches("https://pulse\\.example\\.com/pulse-charts/[A-Za-z0-9_-]{43}\\.png");
        assertThat(again.url())
                .as("the digest and the channel carry the same image")
                .isEqualTo(first.url());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        String token = first.url().replaceAll(".*/pulse-charts/(.*)\\.png", "$1");
        byte[] png = store.png(token, CLOSE).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartDrawing.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartDrawing.HEIGHT);
        assertThat(store.png(token.substring(1) + "A", CLOSE)).isEmpty();
    }

    @Test
    void theAltTextSaysTheNumbersAndWithheldNeverANumber() {
        Block.Image image = charts(Optional.of("https://pulse.example.com"), CLOSE)
                .chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, false))
                .orElseThrow();
        assertThat(image.altText())
                .startsWith("Chart of the pulse of week 47: ")
                .contains("Vision 3.6 (average of up to 8 weeks before: 3.9)")
                .contains("Trust withheld, too few answers")
                .contains("Safety 4.0 (average of up to 8 weeks before: 4.0)");
    }

    @Test
    void withoutAPublicAddressOrAnUploadSlackGetsTheTextAloneButThePlaygroundHasItsChart() {
        PublishedPulseCharts charts = charts(Optional.empty(), CLOSE);
        assertThat(charts.chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, true))).isEmpty();
        Block.Image local = charts.chartOf(playgroundTeam, pulse(playgroundTeam, WEEK, 3.6, true))
                .orElseThrow();
        assertThat(local.url()).startsWith("/pulse-charts/");
        assertThat(local.altText()).startsWith("Grafiek van de puls van week 47");
    }

    /** Slack's file upload as a test double: counts the uploads, or fails them. */
    private static final class Uploads implements ImageUploads {
        final List<byte[]> uploaded = new ArrayList<>();
        boolean failing;

        @Override
        public Platform platform() {
            return Platform.SLACK;
        }

        @Override
        public String uploadPng(String workspaceId, String filename, byte[] png, String altText) {
            if (failing) {
                throw new ChatDeliveryException("Slack files.getUploadURLExternal failed: missing_scope");
            }
            uploaded.add(png);
            return "F" + uploaded.size();
        }
    }

    private PublishedPulseCharts uploading(Uploads uploads) {
        return new PublishedPulseCharts(
                store,
                new ChartDrawing(),
                pulses,
                new Texts(),
                new ChartProperties(Optional.empty(), Duration.ofDays(90), 8),
                Clock.fixed(CLOSE, ZoneOffset.UTC),
                List.of(uploads));
    }

    @Test
    void withoutAPublicAddressSlackShowsTheChartUploadedOnceForThePulseAndEveryDigest() throws Exception {
        Uploads uploads = new Uploads();
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, false);
        Block.Image channel = uploading(uploads).chartOf(slackTeam, pulse).orElseThrow();
        Block.Image retried = uploading(uploads).chartOf(slackTeam, pulse).orElseThrow();
        Block.Image digest = uploading(uploads).chartOf(slackTeam, pulse).orElseThrow();

        assertThat(uploads.uploaded).as("one upload for the week").hasSize(1);
        assertThat(channel.platformFileId()).contains("F1");
        assertThat(channel.url()).isEmpty();
        assertThat(retried).isEqualTo(channel);
        assertThat(digest).isEqualTo(channel);
        assertThat(channel.altText()).contains("Vision 3.6").contains("Trust withheld, too few answers");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(uploads.uploaded.get(0)));
        assertThat(image.getWidth()).isEqualTo(ChartDrawing.WIDTH);
    }

    @Test
    void aFailedUploadLeavesTheTextAloneAndTheNextMessageTriesAgain() {
        Uploads uploads = new Uploads();
        uploads.failing = true;
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, true);
        assertThat(uploading(uploads).chartOf(slackTeam, pulse)).isEmpty();
        uploads.failing = false;
        assertThat(uploading(uploads).chartOf(slackTeam, pulse).orElseThrow().platformFileId())
                .contains("F1");
    }

    @Test
    void whileAnotherSenderUploadsTheChartThisMessageGoesWithoutItAndUploadsNothing() {
        Uploads uploads = new Uploads();
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, true);
        PublishedPulseCharts charts = charts(Optional.of("https://pulse.example.com"), CLOSE);
        charts.chartOf(slackTeam, pulse).orElseThrow(); // the week's chart is drawn and stored
        String token = store.tokenOf(slackTeam.id(), WEEK, CLOSE).orElseThrow();
        assertThat(store.claimUpload(token, CLOSE, CLOSE.minus(PublishedPulseCharts.UPLOAD_CLAIM)))
                .isTrue();

        assertThat(uploading(uploads).chartOf(slackTeam, pulse)).isEmpty();
        assertThat(uploads.uploaded).isEmpty();
        // a claim left behind by a sender that died is taken over after a while
        PublishedPulseCharts later = new PublishedPulseCharts(
                store,
                new ChartDrawing(),
                pulses,
                new Texts(),
                new ChartProperties(Optional.empty(), Duration.ofDays(90), 8),
                Clock.fixed(CLOSE.plus(PublishedPulseCharts.UPLOAD_CLAIM).plusSeconds(1), ZoneOffset.UTC),
                List.of(uploads));
        assertThat(later.chartOf(slackTeam, pulse).orElseThrow().platformFileId())
                .contains("F1");
    }

    @Test
    void withoutAPublicAddressTeamsCarriesASmallerChartInsideTheCard() throws Exception {
        Block.Image inline = charts(Optional.empty(), CLOSE)
                .chartOf(teamsTeam, pulse(teamsTeam, WEEK, 3.6, false))
                .orElseThrow();
        assertThat(inline.url()).startsWith(PublishedPulseCharts.DATA_URI);
        assertThat(inline.url().length()).isLessThanOrEqualTo(PublishedPulseCharts.INLINE_LIMIT);
        byte[] png =
                java.util.Base64.getDecoder().decode(inline.url().substring(PublishedPulseCharts.DATA_URI.length()));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(ChartDrawing.Size.COMPACT.width);
        assertThat(image.getHeight()).isEqualTo(ChartDrawing.Size.COMPACT.height);
        System.out.printf(
                "inline Teams chart: PNG %,d bytes, data URI %,d characters%n",
                png.length, inline.url().length());
    }

    @Test
    void noChartWhenEveryDimensionIsWithheld() {
        List<DimensionScore> none = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            none.add(new DimensionScore(
                    d, OptionalDouble.empty(), 2, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
        }
        WeeklyPulse allWithheld =
                new WeeklyPulse(slackTeam.id(), WEEK, 6, 5, 3, false, none, Optional.empty(), Optional.empty());
        assertThat(charts(Optional.of("https://pulse.example.com"), CLOSE).chartOf(slackTeam, allWithheld))
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart")
                        .query(Integer.class)
                        .single())
                .isZero();

        var blocks = app.trustpulse.summary.SummaryModule.pulseView(
                        new Texts(), charts(Optional.of("https://pulse.example.com"), CLOSE))
                .body(slackTeam, allWithheld);
        assertThat(blocks).noneMatch(Block.Image.class::isInstance);
        assertThat(blocks)
                .anySatisfy(
                        b -> assertThat(b)
                                .isEqualTo(
                                        new Block.Context(
                                                "No chart this week: every dimension had fewer than 3 answers, so there is no average to draw.")));
    }

    @Test
    void labelsWrapBetweenWordsOnlyAndALongWordStaysWhole() {
        java.util.function.ToDoubleFunction<String> sevenPerLetter = t -> 7.0 * t.length();
        assertThat(ChartDrawing.wrap("Verantwoordelijkheid", 100, sevenPerLetter, 2))
                .containsExactly("Verantwoordelijkheid");
        assertThat(ChartDrawing.wrap("Psychologische veiligheid", 120, sevenPerLetter, 2))
                .containsExactly("Psychologische", "veiligheid");
        assertThat(ChartDrawing.wrap("Gezien en gehoord worden", 100, sevenPerLetter, 2))
                .containsExactly("Gezien en", "gehoord worden");
        for (String name :
                List.of("Visie", "Vertrouwen", "Verantwoordelijkheid", "Vrijheid", "Verbinding", "Veiligheid")) {
            assertThat(String.join("", ChartDrawing.wrap(name, 40, sevenPerLetter, 2)))
                    .isEqualTo(name);
        }
    }

    @Test
    void theTrendDashStandsBesideTheBarAndNeverCoversItsValue() {
        List<ChartData.Bar> withTrend = new ArrayList<>();
        List<ChartData.Bar> withoutTrend = new ArrayList<>();
        for (String d :
                List.of("Visie", "Vertrouwen", "Verantwoordelijkheid", "Vrijheid", "Verbinding", "Veiligheid")) {
            // the average before exactly at this week's value: where the value label sits
            withTrend.add(new ChartData.Bar(d, OptionalDouble.of(3.6), OptionalDouble.of(3.55)));
            withoutTrend.add(new ChartData.Bar(d, OptionalDouble.of(3.6), OptionalDouble.empty()));
        }
        ChartDrawing drawing = new ChartDrawing();
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        BufferedImage marked = drawing.chart(data(withTrend), ChartDrawing.Size.REGULAR)
                .createBufferedImage(ChartDrawing.WIDTH, ChartDrawing.HEIGHT, info);
        BufferedImage plain = drawing.chart(data(withoutTrend), ChartDrawing.Size.REGULAR)
                .createBufferedImage(ChartDrawing.WIDTH, ChartDrawing.HEIGHT);
        List<java.awt.Shape> barAreas = new ArrayList<>();
        for (Object e : info.getEntityCollection().getEntities()) {
            if (e instanceof org.jfree.chart.entity.CategoryItemEntity item
                    && item.getDataset().getRowCount() > 0
                    && item.getDataset().getValue(item.getRowKey(), item.getColumnKey()) != null
                    && item.getRowKey().equals("Deze week")) {
                barAreas.add(item.getArea());
            }
        }
        assertThat(barAreas).hasSize(6);
        int changedOutside = 0;
        for (int y = 0; y < ChartDrawing.HEIGHT; y++) {
            for (int x = 0; x < ChartDrawing.WIDTH; x++) {
                if (marked.getRGB(x, y) != plain.getRGB(x, y)) {
                    int px = x;
                    int py = y;
                    assertThat(barAreas)
                            .as("pixel %d,%d changed by the trend dash", x, y)
                            .noneMatch(a -> a.contains(px + 0.5, py + 0.5));
                    changedOutside++;
                }
            }
        }
        assertThat(changedOutside).as("the dashes are drawn").isPositive();
        assertThat(ChartDrawing.markerShape(60, true).getBounds2D().getMinX()).isGreaterThan(30);
    }

    private static ChartData data(List<ChartData.Bar> bars) {
        return new ChartData(
                "#team · week 47",
                "Gemiddelde score (1 tot 5)",
                "Deze week",
                "Gemiddelde van hooguit 8 weken ervoor",
                "achtergehouden",
                java.util.Locale.forLanguageTag("nl"),
                bars);
    }

    @Test
    void aWithheldPulseHasNoChart() {
        WeeklyPulse withheld = new WeeklyPulse(
                slackTeam.id(),
                WEEK,
                6,
                2,
                3,
                true,
                pulse(slackTeam, WEEK, 3.6, true).dimensions(),
                Optional.empty(),
                Optional.empty());
        assertThat(charts(Optional.of("https://pulse.example.com"), CLOSE).chartOf(slackTeam, withheld))
                .isEmpty();
    }

    @Test
    void anExpiredChartIsGoneAndAFreshOneGetsANewAddress() {
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, true);
        Block.Image first = charts(Optional.of("https://pulse.example.com"), CLOSE)
                .chartOf(slackTeam, pulse)
                .orElseThrow();
        String token = first.url().replaceAll(".*/pulse-charts/(.*)\\.png", "$1");
        Instant later = CLOSE.plus(Duration.ofDays(91));
        assertThat(store.png(token, later)).isEmpty();
        Block.Image second = charts(Optional.of("https://pulse.example.com"), later)
                .chartOf(slackTeam, pulse)
                .orElseThrow();
        assertThat(second.url()).isNotEqualTo(first.url());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart")
                        .query(Integer.class)
                        .single())
                .as("the expired one swept")
                .isEqualTo(1);
    }

    @Test
    void whenTheChartCannotBeDrawnThePulseGoesOutAsText() {
        ChartDrawing noFonts = new ChartDrawing() {
            @Override
            byte[] png(ChartData data, Size size) {
                throw new InternalError("Fontconfig head is null");
            }
        };
        PublishedPulseCharts charts = new PublishedPulseCharts(
                store,
                noFonts,
                pulses,
                new Texts(),
                new ChartProperties(Optional.of("https://pulse.example.com"), Duration.ofDays(90), 8),
                Clock.fixed(CLOSE, ZoneOffset.UTC));
        assertThat(charts.chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, true))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
