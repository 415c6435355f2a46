package app.trustpulse.persistence;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals, once, what earlier versions stored in clear: answers (moved from {@code answer_legacy}, under the person's
 * week pseudonym, found by matching the earlier per-team pseudonym against the roster), feedback and the statements of
 * check-ins. Members' answers of weeks already published are destroyed instead, as they would be today. Each row is
 * claimed and rewritten in one transaction, so two instances starting at once, or a start cut short, do no harm.
 */
final class SealingEarlierData {

    private static final Logger LOG = LoggerFactory.getLogger(SealingEarlierData.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Pseudonymizer pseudonyms;
    private final JdbcAnswerRepository answers;
    private final JdbcFeedbackRepository feedback;
    private final JdbcCheckInRepository checkIns;
    private final SecureRandom random = new SecureRandom();

    SealingEarlierData(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Pseudonymizer pseudonyms,
            JdbcAnswerRepository answers,
            JdbcFeedbackRepository feedback,
            JdbcCheckInRepository checkIns) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.pseudonyms = pseudonyms;
        this.answers = answers;
        this.feedback = feedback;
        this.checkIns = checkIns;
    }

    /** What was sealed or destroyed. */
    record Sealed(int answers, int answersDestroyed, int feedback, int checkIns) {
        int total() {
            return answers + answersDestroyed + feedback + checkIns;
        }
    }

    Sealed run() {
        int[] answerCounts = sealAnswers();
        int sealedFeedback = sealFeedback();
        int sealedCheckIns = 0;
        for (Long id : jdbc.sql("SELECT id FROM check_in WHERE statements NOT LIKE 's1.%'")
                .query(Long.class)
                .list()) {
            if (Boolean.TRUE.equals(transactions.execute(s -> checkIns.sealLegacy(id)))) {
                sealedCheckIns++;
            }
        }
        Sealed sealed = new Sealed(answerCounts[0], answerCounts[1], sealedFeedback, sealedCheckIns);
        if (sealed.total() > 0) {
            LOG.info(
                    "Sealed what an earlier version stored in clear: {} answers, {} feedback, {} check-ins; destroyed {} "
                            + "members' answers of weeks already published",
                    sealed.answers(),
                    sealed.feedback(),
                    sealed.checkIns(),
                    sealed.answersDestroyed());
        }
        return sealed;
    }

    private int[] sealAnswers() {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT a.team_id, a.week, a.dimension, a.pseudonym, a.respondent, a.score, a.comment, t.platform,
                       (SELECT COUNT(*) FROM weekly_pulse p WHERE p.team_id = a.team_id AND p.week = a.week) AS closed
                  FROM answer_legacy a JOIN team t ON t.id = a.team_id
                """).query().listOfRows();
        Map<Long, Map<String, String>> rosters = new HashMap<>();
        // Someone no longer on the team keeps one stand-in pseudonym per week, so their answers still count once.
        Map<String, String> standIns = new HashMap<>();
        int sealed = 0;
        int destroyed = 0;
        for (Map<String, Object> r : rows) {
            long teamId = ((Number) r.get("team_id")).longValue();
            WeekId week = WeekId.parse((String) r.get("week"));
            Dimension dimension = Dimension.valueOf((String) r.get("dimension"));
            String legacy = (String) r.get("pseudonym");
            Role role = Role.valueOf((String) r.get("respondent"));
            boolean closed = ((Number) r.get("closed")).longValue() > 0;
            Platform platform = Platform.valueOf((String) r.get("platform"));
            Optional<String> userId = Optional.ofNullable(
                    rosters.computeIfAbsent(teamId, id -> roster(id, platform)).get(legacy));
            boolean keep = !closed || (role == Role.LEADER && userId.isPresent());
            Optional<Answer> answer = Optional.empty();
            if (keep) {
                String pseudonym = userId.map(u -> pseudonyms.pseudonym(teamId, platform, u, week))
                        .orElseGet(() ->
                                standIns.computeIfAbsent(teamId + "|" + week + "|" + legacy, k -> randomPseudonym()));
                Object score = r.get("score");
                answer = Optional.of(new Answer(
                        teamId,
                        week,
                        dimension,
                        pseudonym,
                        role,
                        score == null ? OptionalInt.empty() : OptionalInt.of(((Number) score).intValue()),
                        Optional.ofNullable((String) r.get("comment")),
                        true));
            }
            Optional<Answer> toWrite = answer;
            Boolean claimed = transactions.execute(s -> {
                int deleted = jdbc.sql("""
                                DELETE FROM answer_legacy
                                 WHERE team_id = :teamId AND week = :week AND dimension = :dimension
                                   AND pseudonym = :pseudonym
                                """)
                        .param("teamId", teamId)
                        .param("week", week.toString())
                        .param("dimension", dimension.name())
                        .param("pseudonym", legacy)
                        .update();
                if (deleted == 1) {
                    toWrite.ifPresent(answers::upsert);
                }
                return deleted == 1;
            });
            if (Boolean.TRUE.equals(claimed)) {
                if (keep) {
                    sealed++;
                } else {
                    destroyed++;
                }
            }
        }
        return new int[] {sealed, destroyed};
    }

    private int sealFeedback() {
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT f.id, f.team_id, f.pseudonym, f.body, t.platform
                  FROM feedback f JOIN team t ON t.id = f.team_id
                 WHERE f.sealed IS NULL
                """).query().listOfRows();
        Map<Long, Map<String, String>> rosters = new HashMap<>();
        Map<String, String> standIns = new HashMap<>();
        int sealed = 0;
        for (Map<String, Object> r : rows) {
            long id = ((Number) r.get("id")).longValue();
            long teamId = ((Number) r.get("team_id")).longValue();
            Platform platform = Platform.valueOf((String) r.get("platform"));
            String legacy = (String) r.get("pseudonym");
            Optional<String> userId = Optional.ofNullable(
                    rosters.computeIfAbsent(teamId, t -> roster(t, platform)).get(legacy));
            String giver = userId.map(u -> pseudonyms.feedbackGiver(teamId, platform, u))
                    .orElseGet(() -> standIns.computeIfAbsent(teamId + "|" + legacy, k -> randomPseudonym()));
            String body = (String) r.get("body");
            Integer done = transactions.execute(s -> feedback.sealLegacy(id, teamId, giver, body));
            sealed += done == null ? 0 : done;
        }
        return sealed;
    }

    /** The team's people by their pseudonym of earlier versions. */
    private Map<String, String> roster(long teamId, Platform platform) {
        Map<String, String> byLegacy = new HashMap<>();
        jdbc.sql("SELECT user_id FROM team_member WHERE team_id = :teamId")
                .param("teamId", teamId)
                .query(String.class)
                .list()
                .forEach(u -> byLegacy.put(pseudonyms.legacyPseudonym(teamId, platform, u), u));
        return byLegacy;
    }

    private String randomPseudonym() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
