package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the scale benchmarks count of the fake's posts, instead of keeping them. */
class PostCountsTest {

    @Test
    void countsEachKindPerConversationAndKeepsTheLastTimeOfEach() {
        PostCounts counts = new PostCounts(3);
        long t = System.nanoTime();

        counts.landed("DU1", 0, t + 5_000_000);
        counts.landed("DU1", 0, t + 2_000_000);
        counts.landed("DU1", 2, t + 9_000_000);
        counts.landed("C1", 0, t);

        assertThat(counts.count("DU1", 0)).isEqualTo(2);
        assertThat(counts.count("DU1", 1)).isZero();
        assertThat(counts.count("DU1", 2)).isEqualTo(1);
        assertThat(counts.total("DU1")).isEqualTo(3);
        assertThat(counts.count("C1", 0)).isEqualTo(1);
        assertThat(counts.count("DU2", 0)).isZero();
        assertThat(counts.lastLanded("DU1", 0).getAsLong()).isBetween(t + 4_000_000, t + 6_000_000);
        assertThat(counts.lastLanded("DU1", 1)).isEmpty();
        assertThat(counts.lastLanded("DU2", 0)).isEmpty();
        assertThat(counts.conversations()).isEqualTo(2);
    }

    @Test
    void elevenThousandConversationsTakeAboutHalfAMebibyteHoweverManyPostsTheyGet() {
        PostCounts counts = new PostCounts(4);
        long t = System.nanoTime();
        for (int round = 0; round < 4; round++) {
            for (int c = 0; c < 11_000; c++) {
                counts.landed(String.format("DUTW000X%04dM%03d", c / 10, c % 10), round % 4, t + round);
            }
        }
        long afterFourRounds = counts.bytes();
        for (int c = 0; c < 11_000; c++) {
            counts.landed(String.format("DUTW000X%04dM%03d", c / 10, c % 10), 0, t);
        }

        assertThat(counts.conversations()).isEqualTo(11_000);
        assertThat(counts.count("DUTW000X0999M009", 0)).isEqualTo(2);
        assertThat(counts.count("DUTW000X0000M000", 3)).isEqualTo(1);
        assertThat(counts.bytes()).isEqualTo(afterFourRounds).isLessThan(550_000);
    }
}
