package app.trustpulse.persistence;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.WeekId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Answers in table {@code answer}: (team, week, token, sealed). The token is a hash of the person's week pseudonym
 * and the dimension, so a re-answer finds its row and no two rows share a value; everything else — dimension, role,
 * score, comment, the week pseudonym — is sealed, padded to one size. A copy of the database, its WAL or a backup
 * then tells how many answers a team-week had, and nothing of who gave which.
 */
final class JdbcAnswerRepository implements AnswerRepository {

    /** Room for the longest comment, so answers with and without one look alike up to that length. */
    private static final int BLOCK = 256;

    private final JdbcClient jdbc;
    private final Sealer sealer;

    JdbcAnswerRepository(JdbcClient jdbc, Sealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    @Override
    public void upsert(Answer answer) {
        String token = token(answer.pseudonym(), answer.dimension());
        String sealed = seal(answer, token);
        SqlSupport.updateOrInsert(
                () -> jdbc.sql(
                                "UPDATE answer SET sealed = :sealed WHERE team_id = :teamId AND week = :week AND token = :token")
                        .param("sealed", sealed)
                        .param("teamId", answer.teamId())
                        .param("week", answer.week().toString())
                        .param("token", token)
                        .update(),
                () -> jdbc.sql("""
                        INSERT INTO answer (team_id, week, token, sealed) VALUES (:teamId, :week, :token, :sealed)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("teamId", answer.teamId())
                        .param("week", answer.week().toString())
                        .param("token", token)
                        .param("sealed", sealed)
                        .update());
    }

    @Override
    public List<Answer> ofWeek(long teamId, WeekId week) {
        return jdbc.sql("SELECT token, sealed FROM answer WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, row) -> open(teamId, week, rs.getString("token"), rs.getString("sealed")))
                .list();
    }

    @Override
    public List<Answer> ofPseudonyms(long teamId, WeekId week, Collection<String> pseudonyms) {
        List<String> tokens = tokens(pseudonyms);
        if (tokens.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "SELECT token, sealed FROM answer WHERE team_id = :teamId AND week = :week AND token IN (:tokens)")
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("tokens", tokens)
                .query((rs, row) -> open(teamId, week, rs.getString("token"), rs.getString("sealed")))
                .list();
    }

    @Override
    public int deleteOfPseudonyms(long teamId, WeekId week, Collection<String> pseudonyms) {
        List<String> tokens = tokens(pseudonyms);
        if (tokens.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM answer WHERE team_id = :teamId AND week = :week AND token IN (:tokens)")
                .param("teamId", teamId)
                .param("week", week.toString())
                .param("tokens", tokens)
                .update();
    }

    @Override
    public int destroyMembersAnswers(long teamId, WeekId week) {
        List<String> members = new ArrayList<>();
        jdbc.sql("SELECT token, sealed FROM answer WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query(rs -> {
                    String token = rs.getString("token");
                    if (open(teamId, week, token, rs.getString("sealed")).respondent() == Role.MEMBER) {
                        members.add(token);
                    }
                });
        int destroyed = 0;
        for (int from = 0; from < members.size(); from += 500) {
            destroyed += jdbc.sql("DELETE FROM answer WHERE team_id = :teamId AND week = :week AND token IN (:tokens)")
                    .param("teamId", teamId)
                    .param("week", week.toString())
                    .param("tokens", members.subList(from, Math.min(members.size(), from + 500)))
                    .update();
        }
        return destroyed;
    }

    @Override
    public List<WeekId> weeks(long teamId) {
        return jdbc.sql("SELECT DISTINCT week FROM answer WHERE team_id = :teamId ORDER BY week")
                .param("teamId", teamId)
                .query((rs, row) -> WeekId.parse(rs.getString("week")))
                .list();
    }

    @Override
    public void keepReleasedComments(long teamId, WeekId week, List<String> comments) {
        jdbc.sql("DELETE FROM released_comment WHERE team_id = :teamId AND week = :week")
                .param("teamId", teamId)
                .param("week", week.toString())
                .update();
        for (int i = 0; i < comments.size(); i++) {
            jdbc.sql(
                            "INSERT INTO released_comment (team_id, week, position, sealed) VALUES (:teamId, :week, :position, :sealed)")
                    .param("teamId", teamId)
                    .param("week", week.toString())
                    .param("position", i)
                    .param("sealed", sealer.seal(comments.get(i), commentContext(teamId, week, i), BLOCK))
                    .update();
        }
    }

    @Override
    public List<String> releasedComments(long teamId, WeekId week) {
        return jdbc.sql(
                        "SELECT position, sealed FROM released_comment WHERE team_id = :teamId AND week = :week ORDER BY position")
                .param("teamId", teamId)
                .param("week", week.toString())
                .query((rs, row) ->
                        sealer.open(rs.getString("sealed"), commentContext(teamId, week, rs.getInt("position"))))
                .list();
    }

    private static String commentContext(long teamId, WeekId week, int position) {
        return "released_comment|" + teamId + "|" + week + "|" + position;
    }

    private List<String> tokens(Collection<String> pseudonyms) {
        List<String> tokens = new ArrayList<>();
        for (String p : pseudonyms) {
            for (Dimension d : Dimension.values()) {
                tokens.add(token(p, d));
            }
        }
        return tokens;
    }

    /** One-way: the row's token says nothing of the pseudonym, nor of the token of any other row. */
    static String token(String pseudonym, Dimension dimension) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of()
                    .formatHex(sha.digest((pseudonym + "|" + dimension.name()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String context(long teamId, WeekId week, String token) {
        return "answer|" + teamId + "|" + week + "|" + token;
    }

    private String seal(Answer a, String token) {
        // dimension|role|score|counts|pseudonym|comment — the comment last, as it may hold any character.
        String plain = a.dimension().name() + "|" + a.respondent().name() + "|"
                + (a.score().isPresent() ? Integer.toString(a.score().getAsInt()) : "-") + "|"
                + (a.counts() ? "1" : "0") + "|" + a.pseudonym() + "|"
                + a.comment().orElse("\u0000");
        return sealer.seal(plain, context(a.teamId(), a.week(), token), BLOCK);
    }

    private Answer open(long teamId, WeekId week, String token, String sealed) {
        String[] f = sealer.open(sealed, context(teamId, week, token)).split("\\|", 6);
        OptionalInt score = f[2].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(f[2]));
        Optional<String> comment = f[5].equals("\u0000") ? Optional.empty() : Optional.of(f[5]);
        return new Answer(
                teamId, week, Dimension.valueOf(f[0]), f[4], Role.valueOf(f[1]), score, comment, f[3].equals("1"));
    }
}
