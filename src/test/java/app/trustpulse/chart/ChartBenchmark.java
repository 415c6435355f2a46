package app.trustpulse.chart;

import app.trustpulse.bench.BenchmarkReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * Prints how long drawing one pulse chart takes and how large the PNG is. Not part of the normal run; start it
 * with {@code ./mvnw test -Dtest=ChartBenchmark}. Figures are printed, never asserted.
 */
class ChartBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(ChartBenchmark.class);

    private static final int RUNS = 50;

    @Test
    void drawingAPulseChart() {
        List<ChartData.Bar> bars = new ArrayList<>();
        for (String d : List.of("Vision", "Trust", "Responsibility", "Freedom", "Connection", "Safety")) {
            bars.add(new ChartData.Bar(
                    d, d.equals("Safety") ? OptionalDouble.empty() : OptionalDouble.of(3.6), OptionalDouble.of(3.8)));
        }
        ChartData data = new ChartData(
                "#team · week 47",
                "Average score (1 to 5)",
                "This week",
                "Average of up to 8 weeks before",
                "withheld",
                Locale.ENGLISH,
                bars);
        ChartDrawing drawing = new ChartDrawing();
        long firstStart = System.nanoTime();
        byte[] png = drawing.png(data);
        double first = (System.nanoTime() - firstStart) / 1e6;
        for (int i = 0; i < 10; i++) {
            drawing.png(data);
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            png = drawing.png(data);
        }
        double ms = (System.nanoTime() - start) / 1e6 / RUNS;
        REPORT.printf(
                "pulse chart %dx%d: first %.0f ms (fonts and classes loading), then %.1f ms each; PNG %,d bytes%n",
                ChartDrawing.WIDTH, ChartDrawing.HEIGHT, first, ms, png.length);
    }
}
