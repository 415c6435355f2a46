package app.trustpulse.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every byte of the files under a directory, read as an insider with a copy of the database's files reads them:
 * searched for text that must not be there, for ids beside what must not be beside them, and counted for text that
 * must be there (so a search that finds nothing is known to have looked at the rows).
 *
 * <p>Bytes are read as ISO-8859-1, one character per byte, so an ASCII search sees what {@code strings} would show.
 */
final class RawFiles {

    record Finding(String what, Path file, long offset, String around) {
        @Override
        public String toString() {
            return what + " in " + file.getFileName() + " at " + offset + ": " + around;
        }
    }

    private final List<String> forbidden = new ArrayList<>();
    private final List<Pattern> forbiddenPatterns = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private Pattern besideIds;
    private int window;
    private final List<String> counted = new ArrayList<>();

    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final List<Path> read = new ArrayList<>();
    private long bytes;

    RawFiles forbid(String... texts) {
        forbidden.addAll(List.of(texts));
        return this;
    }

    RawFiles forbid(Pattern pattern) {
        forbiddenPatterns.add(pattern);
        return this;
    }

    /** No match of the pattern may start or end within {@code window} bytes of any of the ids. */
    RawFiles forbidBeside(List<String> ids, Pattern pattern, int window) {
        this.ids.addAll(ids);
        this.besideIds = pattern;
        this.window = window;
        return this;
    }

    /** Counts the occurrences of these texts, for {@link #count}. */
    RawFiles counting(String... texts) {
        counted.addAll(List.of(texts));
        return this;
    }

    /** Reads every regular file under the directory (each whole, one at a time). */
    RawFiles scan(Path root) {
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(file);
            } catch (IOException e) {
                // a file removed while we walked (a temporary one of the database): nothing to read
                continue;
            }
            read.add(file);
            bytes += raw.length;
            scan(file, new String(raw, StandardCharsets.ISO_8859_1));
        }
        return this;
    }

    private void scan(Path file, String content) {
        for (String text : forbidden) {
            for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
                findings.add(new Finding('"' + text + '"', file, at, around(content, at, at + text.length())));
            }
        }
        for (Pattern p : forbiddenPatterns) {
            Matcher m = p.matcher(content);
            while (m.find()) {
                findings.add(new Finding("/" + p + "/", file, m.start(), around(content, m.start(), m.end())));
            }
        }
        for (String id : ids) {
            for (int at = content.indexOf(id); at >= 0; at = content.indexOf(id, at + 1)) {
                int from = Math.max(0, at - window);
                int to = Math.min(content.length(), at + id.length() + window);
                Matcher m = besideIds.matcher(content).region(from, to);
                if (m.find()) {
                    findings.add(new Finding(m.group() + " beside " + id, file, at, around(content, from, to)));
                }
            }
        }
        for (String text : counted) {
            int n = 0;
            for (int at = content.indexOf(text); at >= 0; at = content.indexOf(text, at + 1)) {
                n++;
            }
            counts.merge(text, n, Integer::sum);
        }
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    int count(String text) {
        return counts.getOrDefault(text, 0);
    }

    int files() {
        return read.size();
    }

    long bytes() {
        return bytes;
    }

    /** The bytes around a match, printable ones as they are and the rest as dots. */
    private static String around(String content, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(content.length(), end + 40);
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            char c = content.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '.');
        }
        return s.toString();
    }
}
