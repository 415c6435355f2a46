package app.trustpulse.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2DurableCommitsTest {

    @Test
    void anEmbeddedH2FileUrlWithoutTheSettingIsMadeDurablePerCommit() {
        assertThat(H2DurableCommits.durable("jdbc:h2:file:/srv/pulse/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"))
                .contains("jdbc:h2:file:/srv/pulse/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0");
        assertThat(H2DurableCommits.durable("jdbc:h2:./data/pulse")).contains("jdbc:h2:./data/pulse;WRITE_DELAY=0");
        assertThat(H2DurableCommits.durable("jdbc:h2:~/pulse;")).contains("jdbc:h2:~/pulse;WRITE_DELAY=0");
    }

    @Test
    void aWriteDelayTheOperatorSetIsKept() {
        assertThat(H2DurableCommits.durable("jdbc:h2:file:./data/pulse;write_delay=500"))
                .isEmpty();
        assertThat(H2DurableCommits.durable("jdbc:h2:file:./data/pulse;MODE=PostgreSQL;WRITE_DELAY=0"))
                .isEmpty();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(H2DurableCommits.durable("jdbc:h2:mem:pulse;DB_CLOSE_DELAY=-1"))
                .isEmpty();
        assertThat(H2DurableCommits.durable("jdbc:h2:tcp://db.example.internal/pulse"))
                .isEmpty();
        assertThat(H2DurableCommits.durable("jdbc:postgresql://localhost:5432/trustpulse"))
                .isEmpty();
        assertThat(H2DurableCommits.durable(null)).isEmpty();
    }
}
