package app.trustpulse.persistence;

import app.trustpulse.promise.Noticed;
import app.trustpulse.promise.NoticedAnswer;
import app.trustpulse.promise.Promise;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.promise.Tally;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WeekId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Promises in table {@code promise} (the focus and words sealed), the members' answers about them in
 * {@code promise_answer} (a one-way token of the member's week pseudonym and the promise; everything else sealed,
 * padded to one size) and the counts in {@code promise_tally}, where a withheld week holds no number.
 */
final class JdbcPromiseRepository implements PromiseRepository {

    /** Room for the longest promise, so the stored length says little of the words. */
    private static final int PROMISE_BLOCK = 512;

    private static final String SELECT =
            "SELECT id, team_id, leader_id, sealed, made_week, made_at, ended_at FROM promise";

    private final JdbcClient jdbc;
    private final Sealer sealer;

    JdbcPromiseRepository(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public long add(Promise p) {
        return SqlSupport.insertReturningId(jdbc.sql("""
                        INSERT INTO promise (team_id, leader_id, sealed, made_week, made_at, ended_at)
                        VALUES (:teamId, :leaderId, :sealed, :week, :madeAt, :endedAt)
                        """)
                .param("teamId", p.teamId())
                .param("leaderId", p.leaderId())
                .param("sealed", seal(p.teamId(), p.leaderId(), p.focus(), p.text()))
                .param("week", p.madeIn().toString())
                .param("madeAt", SqlSupport.utc(p.madeAt()))
                .param("endedAt", SqlSupport.utc(p.endedAt().orElse(null))));
    }

    @Override
    public void reword(long id, Dimension focus, String text) {
        find(id).ifPresent(p -> jdbc.sql("UPDATE promise SET sealed = :sealed WHERE id = :id")
                .param("sealed", seal(p.teamId(), p.leaderId(), focus, text))
                .param("id", id)
                .update());
    }

    @Override
    public void end(long id, Instant at) {
        jdbc.sql("UPDATE promise SET ended_at = :at WHERE id = :id AND ended_at IS NULL")
                .param("at", SqlSupport.utc(at))
                .param("id", id)
                .update();
    }

    @Override
    public Optional<Promise> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(this::promise)
                .optional();
    }

    @Override
    public List<Promise> active(long teamId) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND ended_at IS NULL ORDER BY made_at, id")
                .param("teamId", teamId)
                .query(this::promise)
                .list();
    }

    @Override
    public List<Promise> madeSince(long teamId, WeekId from) {
        return jdbc.sql(SELECT + " WHERE team_id = :teamId AND made_week >= :from ORDER BY made_at, id")
                .param("teamId", teamId)
                .param("from", from.toString())
                .query(this::promise)
                .list();
    }

    @Override
    public int deleteOfLeader(long teamId, String leaderId) {
        return jdbc.sql("DELETE FROM promise WHERE team_id = :teamId AND leader_id = :leaderId")
                .param("teamId", teamId)
                .param("leaderId", leaderId)
                .update();
    }

    @Override
    public void answer(NoticedAnswer a) {
        String token = token(a.pseudonym(), a.promiseId());
        String sealed = sealer.seal(
                a.promiseId() + "|" + a.answer().code() + "|" + (a.counts() ? "1" : "0") + "|" + a.pseudonym(),
                answerContext(a.teamId(), a.week(), token));
        SqlSupport.updateOrInsert(
                () -> jdbc.sql(
                                "UPDATE promise_answer SET sealed = :sealed WHERE team_id = :teamId AND week = :week AND token = :token")
                        .param("sealed", sealed)
                        .param("teamId", a.teamId())
                        .param("week", a.week().toString())
                        .param("token", token)
                        .update(),
                () -> jdbc.sql("""
                        INSERT INTO promise_answer (team_id, week, token, sealed)
                        VALUES (:teamId, :week, :token, :sealed)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("teamId", a.teamId())
                        .param("week", a.week().toString())
                        .param("token", token)
                        .param("sealed", sealed)
                        .update());
    }

    @Override
    public List<NoticedAnswer> answers(long teamId, WeekId week) {
        return jdbc.sql("SELECT token, sealed FROM promise_answer WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, row) -> openAnswer(teamId, week, rs.getString("token"), rs.getString("sealed")))
                .list();
    }

    @Override
    public Optional<Noticed> answerOf(long teamId, WeekId week, long promiseId, Collection<String> pseudonyms) {
        List<String> tokens = pseudonyms.stream().map(p -> token(p, promiseId)).toList();
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .sql(
                        "SELECT token, sealed FROM promise_answer WHERE team_id = :teamId AND week = :week AND token IN (:tokens)")
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("tokens", tokens)
                .query((rs, row) -> openAnswer(teamId, week, rs.getString("token"), rs.getString("sealed")))
                .list()
                .stream()
                .map(NoticedAnswer::answer)
                .findFirst();
    }

    @Override
    public int deleteAnswers(long teamId, WeekId week, long promiseId, Collection<String> pseudonyms) {
        List<String> tokens = pseudonyms.stream().map(p -> token(p, promiseId)).toList();
        if (tokens.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM promise_answer WHERE team_id = :teamId AND week = :week AND token IN (:tokens)")
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("tokens", tokens)
                .update();
    }

    @Override
    public List<WeekId> weeksWithAnswers(long teamId) {
        return jdbc.sql("SELECT DISTINCT week FROM promise_answer WHERE team_id = :teamId ORDER BY week")
                .param("teamId", teamId)
                .query((rs, row) -> WeekId.parse(rs.getString("week")))
                .list();
    }

    @Override
    public int destroyAnswers(long teamId, WeekId week) {
        return jdbc.sql("DELETE FROM promise_answer WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .update();
    }

    @Override
    public void keep(Tally t) {
        Optional<Tally.Counts> c = t.counts();
        jdbc.sql("""
                        INSERT INTO promise_tally (promise_id, week, shown, yes, partly, no, cant_say)
                        VALUES (:promiseId, :week, :shown, :yes, :partly, :no, :cantSay)
                        ON CONFLICT DO NOTHING
                        """)
                .param("promiseId", t.promiseId())
                .param("week", t.week().toString())
                .param("shown", c.isPresent())
                .param("yes", c.map(Tally.Counts::yes).orElse(null))
                .param("partly", c.map(Tally.Counts::partly).orElse(null))
                .param("no", c.map(Tally.Counts::no).orElse(null))
                .param("cantSay", c.map(Tally.Counts::cantSay).orElse(null))
                .update();
    }

    @Override
    public List<Tally> tallies(long teamId) {
        return jdbc.sql("""
                        SELECT t.promise_id, t.week, t.shown, t.yes, t.partly, t.no, t.cant_say
                          FROM promise_tally t JOIN promise p ON p.id = t.promise_id
                         WHERE p.team_id = :teamId
                         ORDER BY t.week, t.promise_id
                        """)
                .param("teamId", teamId)
                .query((rs, row) -> new Tally(
                        rs.getLong("promise_id"),
                        WeekId.parse(rs.getString("week")),
                        rs.getBoolean("shown")
                                ? Optional.of(new Tally.Counts(
                                        rs.getInt("yes"), rs.getInt("partly"), rs.getInt("no"), rs.getInt("cant_say")))
                                : Optional.empty()))
                .list();
    }

    private Promise promise(ResultSet rs, int row) throws SQLException {
        long teamId = rs.getLong("team_id");
        String leaderId = rs.getString("leader_id");
        String[] f = sealer.open(rs.getString("sealed"), promiseContext(teamId, leaderId))
                .split("\\|", 2);
        return new Promise(
                rs.getLong("id"),
                teamId,
                leaderId,
                Dimension.valueOf(f[0]),
                f[1],
                WeekId.parse(rs.getString("made_week")),
                SqlSupport.instant(rs, "made_at"),
                SqlSupport.optionalInstant(rs, "ended_at"));
    }

    private String seal(long teamId, String leaderId, Dimension focus, String text) {
        return sealer.seal(focus.name() + "|" + text, promiseContext(teamId, leaderId), PROMISE_BLOCK);
    }

    private NoticedAnswer openAnswer(long teamId, WeekId week, String token, String sealed) {
        String[] f = sealer.open(sealed, answerContext(teamId, week, token)).split("\\|", 4);
        return new NoticedAnswer(
                teamId, week, Long.parseLong(f[0]), f[3], Noticed.ofCode(f[1]).orElseThrow(), f[2].equals("1"));
    }

    private static String promiseContext(long teamId, String leaderId) {
        return "promise|" + teamId + "|" + leaderId;
    }

    private static String answerContext(long teamId, WeekId week, String token) {
        return "promise_answer|" + teamId + "|" + week + "|" + token;
    }

    /** One-way: the token says nothing of the pseudonym, nor of the token of the member's other answers. */
    static String token(String pseudonym, long promiseId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest((pseudonym + "|promise|" + promiseId).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
