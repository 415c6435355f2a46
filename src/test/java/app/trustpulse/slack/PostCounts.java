package app.trustpulse.slack;

import java.util.Arrays;

/**
 * What a scale benchmark needs to know of the posts a fake received, without keeping them: per conversation how many
 * posts of each kind landed and when the last of each kind landed. A conversation is a 64-bit hash of its id in an
 * open-addressing table of primitive arrays, so there is no object per post or per conversation and the memory grows
 * with the conversations (about 32 bytes each, with four kinds), not with the posts.
 */
final class PostCounts {

    private static final int NONE = -1;

    private final int kinds;
    private final long origin = System.nanoTime();
    /** The conversations' hashes; 0 marks a free slot (a hash of 0 is stored as 1). */
    private long[] keys;
    /** Per slot and kind ({@code slot * kinds + kind}): posts that landed, up to 65,535. */
    private char[] counts;
    /** Per slot and kind: when the last one landed, in milliseconds after {@link #origin}, or {@link #NONE}. */
    private int[] lastMillis;

    private int size;

    PostCounts(int kinds) {
        this.kinds = kinds;
        allocate(1024);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        counts = new char[capacity * kinds];
        lastMillis = new int[capacity * kinds];
        Arrays.fill(lastMillis, NONE);
    }

    /** A post of the kind landed in the conversation at {@code nanos} ({@link System#nanoTime()}). */
    synchronized void landed(String conversation, int kind, long nanos) {
        int at = slot(hash(conversation), true) * kinds + kind;
        if (counts[at] < Character.MAX_VALUE) {
            counts[at]++;
        }
        lastMillis[at] = Math.max(lastMillis[at], (int) ((nanos - origin) / 1_000_000));
    }

    /** How many posts of the kind landed in the conversation. */
    synchronized int count(String conversation, int kind) {
        int slot = slot(hash(conversation), false);
        return slot < 0 ? 0 : counts[slot * kinds + kind];
    }

    /** How many posts of any kind landed in the conversation. */
    synchronized int total(String conversation) {
        int slot = slot(hash(conversation), false);
        int n = 0;
        for (int k = 0; slot >= 0 && k < kinds; k++) {
            n += counts[slot * kinds + k];
        }
        return n;
    }

    /** When the last post of the kind landed in the conversation ({@link System#nanoTime()}, to the millisecond). */
    synchronized java.util.OptionalLong lastLanded(String conversation, int kind) {
        int slot = slot(hash(conversation), false);
        int ms = slot < 0 ? NONE : lastMillis[slot * kinds + kind];
        return ms == NONE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(origin + ms * 1_000_000L);
    }

    /** How many conversations had a post. */
    synchronized int conversations() {
        return size;
    }

    /** The bytes its arrays take. */
    synchronized long bytes() {
        // an array's header is 16 bytes
        return 16L + keys.length * 8L + 16 + counts.length * 2L + 16 + lastMillis.length * 4L + 48;
    }

    /** The slot of the hash, added when {@code add}; -1 when absent and not added. */
    private int slot(long hash, boolean add) {
        int mask = keys.length - 1;
        int i = (int) hash & mask;
        while (keys[i] != 0) {
            if (keys[i] == hash) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (!add) {
            return -1;
        }
        if ((size + 1) * 4 > keys.length * 3) {
            grow();
            return slot(hash, true);
        }
        keys[i] = hash;
        size++;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        char[] oldCounts = counts;
        int[] oldLast = lastMillis;
        allocate(oldKeys.length * 2);
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != 0) {
                int to = slot(oldKeys[s], true);
                System.arraycopy(oldCounts, s * kinds, counts, to * kinds, kinds);
                System.arraycopy(oldLast, s * kinds, lastMillis, to * kinds, kinds);
            }
        }
    }

    /** FNV-1a over the characters, then MurmurHash3's finaliser so the low bits spread for the table's index. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
