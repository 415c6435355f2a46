package app.trustpulse.chart;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.Block;
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

    @BeforeEach
    void database() {
        jdbc = JdbcClient.create(TestDatabases.h2());
        JdbcStores stores = JdbcStores.on(jdbc, app.trustpulse.support.TestDatabases.SEALER);
        var teams = stores.teams();
        pulses = stores.pulses();
        store = new ChartStore(jdbc);
        slackTeam = teams.insert(new Team(0, Platform.SLACK, "T1", "C1", "team-rocket", ZoneId.of("Europe/Amsterdam"),
                Language.EN, 3, TeamSchedule.defaults(), false));
        playgroundTeam = teams.insert(new Team(0, Platform.PLAYGROUND, "demo", "team", "#team", ZoneId.of("Europe/Amsterdam"),
                Language.NL, 3, TeamSchedule.defaults(), false));
        for (int back = 1; back <= 8; back++) {
            pulses.save(pulse(slackTeam, WEEK.minus(back), 3.9, true));
        }
    }

    private PublishedPulseCharts charts(Optional<String> publicUrl, Instant now) {
        return new PublishedPulseCharts(store, new ChartDrawing(), pulses, new Texts(),
                new ChartProperties(publicUrl, Duration.ofDays(90), 8), Clock.fixed(now, ZoneOffset.UTC));
    }

    /** Vision 3.6, Trust withheld, the others 4.0; earlier weeks all at the given level. */
    private static WeeklyPulse pulse(Team team, WeekId week, double vision, boolean trustPublished) {
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            OptionalDouble mean = d == Dimension.VISION ? OptionalDouble.of(vision)
                    : d == Dimension.TRUST && !trustPublished ? OptionalDouble.empty() : OptionalDouble.of(4.0);
            dims.add(new DimensionScore(d, mean, mean.isPresent() ? 5 : 2, OptionalDouble.empty(), OptionalDouble.empty(), List.of()));
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
        assertThat(again.url()).as("the digest and the channel carry the same image").isEqualTo(first.url());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart").query(Integer.class).single()).isEqualTo(1);

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
                .chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, false)).orElseThrow();
        assertThat(image.altText())
                .startsWith("Chart of the pulse of week 47: ")
                .contains("Vision 3.6 (average of up to 8 weeks before: 3.9)")
                .contains("Trust withheld, too few answers")
                .contains("Safety 4.0 (average of up to 8 weeks before: 4.0)");
    }

    @Test
    void withoutAPublicAddressSlackAndTeamsGetTheTextAloneButThePlaygroundHasItsChart() {
        PublishedPulseCharts charts = charts(Optional.empty(), CLOSE);
        assertThat(charts.chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, true))).isEmpty();
        Block.Image local = charts.chartOf(playgroundTeam, pulse(playgroundTeam, WEEK, 3.6, true)).orElseThrow();
        assertThat(local.url()).startsWith("/pulse-charts/");
        assertThat(local.altText()).startsWith("Grafiek van de pulse van week 47");
    }

    @Test
    void aWithheldPulseHasNoChart() {
        WeeklyPulse withheld = new WeeklyPulse(slackTeam.id(), WEEK, 6, 2, 3, true,
                pulse(slackTeam, WEEK, 3.6, true).dimensions(), Optional.empty(), Optional.empty());
        assertThat(charts(Optional.of("https://pulse.example.com"), CLOSE).chartOf(slackTeam, withheld)).isEmpty();
    }

    @Test
    void anExpiredChartIsGoneAndAFreshOneGetsANewAddress() {
        WeeklyPulse pulse = pulse(slackTeam, WEEK, 3.6, true);
        Block.Image first = charts(Optional.of("https://pulse.example.com"), CLOSE).chartOf(slackTeam, pulse).orElseThrow();
        String token = first.url().replaceAll(".*/pulse-charts/(.*)\\.png", "$1");
        Instant later = CLOSE.plus(Duration.ofDays(91));
        assertThat(store.png(token, later)).isEmpty();
        Block.Image second = charts(Optional.of("https://pulse.example.com"), later).chartOf(slackTeam, pulse).orElseThrow();
        assertThat(second.url()).isNotEqualTo(first.url());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart").query(Integer.class).single()).as("the expired one swept").isEqualTo(1);
    }

    @Test
    void whenTheChartCannotBeDrawnThePulseGoesOutAsText() {
        ChartDrawing noFonts = new ChartDrawing() {
            @Override
            byte[] png(ChartData data) {
                throw new InternalError("Fontconfig head is null");
            }
        };
        PublishedPulseCharts charts = new PublishedPulseCharts(store, noFonts, pulses, new Texts(),
                new ChartProperties(Optional.of("https://pulse.example.com"), Duration.ofDays(90), 8), Clock.fixed(CLOSE, ZoneOffset.UTC));
        assertThat(charts.chartOf(slackTeam, pulse(slackTeam, WEEK, 3.6, true))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pulse_chart").query(Integer.class).single()).isZero();
    }
}
