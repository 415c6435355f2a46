package app.trustpulse.persistence;

import app.trustpulse.pulse.Feedback;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WeekId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Anonymous feedback in table {@code feedback}: the text and its giver are sealed together in column {@code sealed}
 * (padded, so the length says little), bound to the row's id. No row keeps a time more precise than its week, and ids
 * are drawn at random, so neither tells when someone gave it. Rows of earlier versions kept {@code pseudonym} and
 * {@code body} in clear; they are sealed at the first start and read as they are until then.
 */
final class JdbcFeedbackRepository implements FeedbackRepository {

    private static final String SELECT = """
            SELECT id, team_id, week, pseudonym, body, sealed, released_week
              FROM feedback
            """;

    /** Feedback may be up to 2,000 characters; this many bytes a step, a short text looks like a long one. */
    private static final int BLOCK = 1024;

    private final JdbcClient jdbc;
    private final Sealer sealer;
    private final SecureRandom random = new SecureRandom();

    JdbcFeedbackRepository(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public long add(Feedback feedback) {
        return insert(feedback, null).orElseThrow();
    }

    @Override
    public OptionalLong addOnce(Feedback feedback, String onceToken) {
        return insert(feedback, JdbcProcessedEvents.hash("feedback:" + feedback.teamId() + ":" + onceToken));
    }

    private OptionalLong insert(Feedback feedback, String onceKey) {
        while (true) {
            long id = 1 + random.nextLong(Long.MAX_VALUE - 1);
            int inserted = jdbc.sql("""
                            INSERT INTO feedback (id, team_id, week, sealed, released_week, once_key)
                            VALUES (:id, :teamId, :week, :sealed, :releasedWeek, :onceKey)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("id", id)
                    .param("teamId", feedback.teamId())
                    .param("week", feedback.week().toString())
                    .param("sealed", seal(id, feedback.teamId(), feedback.pseudonym(), feedback.text()))
                    .param(
                            "releasedWeek",
                            feedback.releasedIn().map(WeekId::toString).orElse(null))
                    .param("onceKey", onceKey)
                    .update();
            if (inserted == 1) {
                return OptionalLong.of(id);
            }
            // Either the random id was taken (try another) or the token was used: then it is stored already.
            if (onceKey != null
                    && jdbc.sql("SELECT COUNT(*) FROM feedback WHERE team_id = :teamId AND once_key = :onceKey")
                                    .param("teamId", feedback.teamId())
                                    .param("onceKey", onceKey)
                                    .query(Integer.class)
                                    .single()
                            > 0) {
                return OptionalLong.empty();
            }
        }
    }

    @Override
    public Optional<Feedback> find(long teamId, long id) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND id = :id")
                .param("teamId", teamId)
                .param("id", id)
                .query(this::map)
                .optional();
    }

    @Override
    public List<Feedback> releasedSince(long teamId, WeekId from) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week >= :from ORDER BY released_week DESC, id")
                .param("teamId", teamId)
                .param("from", from.toString())
                .query(this::map)
                .list();
    }

    @Override
    public List<Feedback> releasedIn(long teamId, WeekId week) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week = :week ORDER BY id")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(this::map)
                .list();
    }

    @Override
    public List<Feedback> pending(long teamId) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week IS NULL ORDER BY week, id")
                .param("teamId", teamId)
                .query(this::map)
                .list();
    }

    /** Feedback released once stays released in that week. */
    @Override
    public void markReleased(Collection<Long> ids, WeekId week) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE feedback SET released_week = :week WHERE id IN (:ids) AND released_week IS NULL")
                .param("week", week.toString())
                .param("ids", List.copyOf(ids))
                .update();
    }

    @Override
    public int dropPendingBefore(long teamId, WeekId cutoff) {
        return jdbc.sql("DELETE FROM feedback WHERE team_id = :teamId AND released_week IS NULL AND week < :cutoff")
                .param("teamId", teamId)
                .param("cutoff", cutoff.toString())
                .update();
    }

    /** The giver is sealed with the text, so finding someone's feedback opens the team's. */
    @Override
    public List<Feedback> ofPseudonym(long teamId, String pseudonym) {
        return jdbc
                .sql(SELECT + " WHERE team_id = :teamId ORDER BY week, id")
                .param("teamId", teamId)
                .query(this::map)
                .list()
                .stream()
                .filter(f -> f.pseudonym().equals(pseudonym))
                .toList();
    }

    @Override
    public int deleteOfPseudonym(long teamId, String pseudonym) {
        List<Long> ids =
                ofPseudonym(teamId, pseudonym).stream().map(Feedback::id).toList();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM feedback WHERE team_id = :teamId AND id IN (:ids)")
                .param("teamId", teamId)
                .param("ids", ids)
                .update();
    }

    /** Feedback released in the weeks from {@code from} up to {@code toExclusive}, latest release first. */
    List<Feedback> releasedBetween(long teamId, WeekId from, WeekId toExclusive) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND released_week >= :from AND released_week < :to"
                        + " ORDER BY released_week DESC, id")
                .param("teamId", teamId)
                .param("from", from.toString())
                .param("to", toExclusive.toString())
                .query(this::map)
                .list();
    }

    /** Seals the clear feedback an earlier version stored, under the giver the caller found for it. */
    int sealLegacy(long id, long teamId, String giver, String text) {
        return jdbc.sql(
                        "UPDATE feedback SET sealed = :sealed, pseudonym = NULL, body = NULL WHERE id = :id AND sealed IS NULL")
                .param("sealed", seal(id, teamId, giver, text))
                .param("id", id)
                .update();
    }

    private String seal(long id, long teamId, String giver, String text) {
        return sealer.seal(giver + "|" + text, context(id, teamId), BLOCK);
    }

    private static String context(long id, long teamId) {
        return "feedback|" + teamId + "|" + id;
    }

    private Feedback map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long teamId = rs.getLong("team_id");
        String sealed = rs.getString("sealed");
        String giver;
        String text;
        if (sealed != null) {
            String[] parts = sealer.open(sealed, context(id, teamId)).split("\\|", 2);
            giver = parts[0];
            text = parts[1];
        } else {
            giver = rs.getString("pseudonym");
            text = rs.getString("body");
        }
        return new Feedback(
                id,
                teamId,
                WeekId.parse(rs.getString("week")),
                giver,
                text,
                Optional.ofNullable(rs.getString("released_week")).map(WeekId::parse));
    }
}
