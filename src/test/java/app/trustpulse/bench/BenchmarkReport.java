package app.trustpulse.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What a benchmark prints: to the console, and to {@code target/benchmarks/<Benchmark>.txt}, from where
 * {@code docs/update-performance.sh} copies it into {@code docs/performance.md}, so the figures there are always
 * what a run printed.
 */
public final class BenchmarkReport {

    private final Path file;

    private BenchmarkReport(Path file) {
        this.file = file;
    }

    /** A fresh report for the benchmark: what an earlier run of it wrote is removed. */
    public static BenchmarkReport of(Class<?> benchmark) {
        Path file = Path.of("target", "benchmarks", benchmark.getSimpleName() + ".txt");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchmarkReport(file);
    }

    public void printf(String format, Object... args) {
        print(String.format(format, args));
    }

    public void printf(java.util.Locale locale, String format, Object... args) {
        print(String.format(locale, format, args));
    }

    public void println(String line) {
        print(line + System.lineSeparator());
    }

    private synchronized void print(String text) {
        System.out.print(text);
        System.out.flush();
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
