package app.trustpulse.slack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every tuple version in a PostgreSQL table's file, as someone with the file reads it without the server: live ones,
 * and those an update replaced or a delete removed that no vacuum has cleared yet. A heap page is a 24-byte header
 * ({@code pd_lower} at 12), then 4-byte line pointers (offset: 15 bits, flags: 2, length: 15); a tuple starts with
 * its header, whose first field is {@code t_xmin}, the id of the transaction that wrote this version.
 */
final class HeapPages {

    private static final int PAGE = 8192;
    private static final int HEADER = 24;
    private static final int LP_NORMAL = 1;

    /** A tuple version: the transaction that wrote it, and its bytes (header and columns). */
    record Version(long xmin, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }

        boolean holds(String text) {
            return text().contains(text);
        }

        Optional<String> find(Pattern pattern) {
            Matcher m = pattern.matcher(text());
            return m.find() ? Optional.of(m.group()) : Optional.empty();
        }
    }

    private HeapPages() {}

    static List<Version> versions(Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        List<Version> out = new ArrayList<>();
        for (int page = 0; page + PAGE <= raw.length; page += PAGE) {
            int lower = Short.toUnsignedInt(b.getShort(page + 12));
            for (int lp = page + HEADER; lp + 4 <= page + lower; lp += 4) {
                int pointer = b.getInt(lp);
                int offset = pointer & 0x7fff;
                int flags = (pointer >>> 15) & 0x3;
                int length = pointer >>> 17;
                if (flags != LP_NORMAL || length < 23 || offset + length > PAGE) {
                    continue;
                }
                int at = page + offset;
                long xmin = Integer.toUnsignedLong(b.getInt(at));
                byte[] tuple = new byte[length];
                System.arraycopy(raw, at, tuple, 0, length);
                out.add(new Version(xmin, tuple));
            }
        }
        return out;
    }
}
