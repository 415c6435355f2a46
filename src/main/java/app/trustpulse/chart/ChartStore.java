package app.trustpulse.chart;

import app.trustpulse.pulse.WeekId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chart images in table {@code pulse_chart}, shared by every instance. */
final class ChartStore {

    private final JdbcClient jdbc;

    ChartStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The token of the team's chart of that week, while it has not expired. */
    Optional<String> tokenOf(long teamId, WeekId week, Instant now) {
        return jdbc.sql("SELECT token FROM pulse_chart WHERE team_id = :team AND week = :week AND expires_at > :now")
                .param("team", teamId)
                .param("week", week.toString())
                .param("now", utc(now))
                .query(String.class)
                .optional();
    }

    /**
     * Stores a chart; false when the team's week already has one (drawn by another instance at the same
     * moment, or expired and not yet swept).
     */
    boolean insert(String token, long teamId, WeekId week, byte[] png, Instant now, Instant expires) {
        return jdbc.sql("""
                        INSERT INTO pulse_chart (token, team_id, week, png, created_at, expires_at)
                        VALUES (:token, :team, :week, :png, :now, :expires)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("token", token)
                        .param("team", teamId)
                        .param("week", week.toString())
                        .param("png", png)
                        .param("now", utc(now))
                        .param("expires", utc(expires))
                        .update()
                == 1;
    }

    Optional<byte[]> png(String token, Instant now) {
        return jdbc.sql("SELECT png FROM pulse_chart WHERE token = :token AND expires_at > :now")
                .param("token", token)
                .param("now", utc(now))
                .query((rs, row) -> rs.getBytes("png"))
                .optional();
    }

    /** The platform's id of the chart's uploaded file, once it has been uploaded. */
    Optional<String> uploadedFileOf(String token) {
        return jdbc.sql(
                        "SELECT uploaded_file_id FROM pulse_chart WHERE token = :token AND uploaded_file_id IS NOT NULL")
                .param("token", token)
                .query(String.class)
                .optional();
    }

    /**
     * Claims the upload of a chart not uploaded yet: true for the one sender that is to upload it now. A claim made
     * before {@code staleBefore} (its sender died or gave up) may be taken over.
     */
    boolean claimUpload(String token, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                        UPDATE pulse_chart SET upload_claimed_at = :now
                        WHERE token = :token AND uploaded_file_id IS NULL
                          AND (upload_claimed_at IS NULL OR upload_claimed_at < :stale)
                        """)
                        .param("now", utc(now))
                        .param("token", token)
                        .param("stale", utc(staleBefore))
                        .update()
                == 1;
    }

    void uploaded(String token, String fileId) {
        jdbc.sql("UPDATE pulse_chart SET uploaded_file_id = :file, upload_claimed_at = NULL WHERE token = :token")
                .param("file", fileId)
                .param("token", token)
                .update();
    }

    /** Gives up a claim after a failed upload, so that the next message may try again. */
    void releaseUpload(String token) {
        jdbc.sql("UPDATE pulse_chart SET upload_claimed_at = NULL WHERE token = :token AND uploaded_file_id IS NULL")
                .param("token", token)
                .update();
    }

    /** Sweeps every expired chart, so an expired week can be drawn again and old images do not pile up. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM pulse_chart WHERE expires_at <= :now")
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
