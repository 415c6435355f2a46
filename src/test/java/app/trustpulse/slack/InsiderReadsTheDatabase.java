package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInPlanner;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.StatementRef;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.support.QueuedWork;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * An insider with the database but not the secret, after a real week in Slack ({@link FailingSlackWeek}: failed
 * deliveries, so work waits in the queue; answers by button and typed; comments; feedback; {@code mydata}; a close).
 * They read the raw files of the database, dump the tables in the middle of the week, and try to tie answers to
 * people. The subclasses run it on H2's file and on PostgreSQL's data directory, WAL included.
 *
 * <p>The version before sealing (7e45288) fails every one of these tests (run there with the ground truth read from
 * its pseudonym column). It kept answers with their dimension, score, comment and a per-team pseudonym in clear
 * columns (the comment texts are found; the pattern attack reads the dimension, groups a person's rows by the
 * pseudonym and names the right person twice as often as chance); check-in statements in clear beside the user id
 * ("FREEDOM:M2:2", found as a statement and as a dimension beside a member's id); feedback text in clear; queued Slack
 * requests and replies in clear JSON (the typed replies, "Recorded", the actions); a check-in marked answered in the
 * transaction after the answer (the xmin attack links 7 of 14 answer versions, all to the right person); and a
 * statement order anyone could compute from {@code userId.hashCode()}.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class InsiderReadsTheDatabase {

    static final Pattern DIMENSION = Pattern.compile("VISION|TRUST|RESPONSIBILITY|FREEDOM|CONNECTION|SAFETY");
    /** A statement as a check-in stores it ("FREEDOM:M2:2", version 1 "FREEDOM:2"), or a score after a dimension. */
    static final Pattern STATEMENT_OR_SCORE = Pattern.compile("(" + DIMENSION + "):[ML]?[0-9]");
    /** The action of a scale or a comment button: "answer:<check-in>:" and "comment:<check-in>:". */
    static final Pattern ANSWER_ACTION = Pattern.compile("(answer|comment):[0-9]+:");
    /** A member's id and a dimension this close are one row: who was asked, or who answered, what. */
    static final int BESIDE = 64;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Pseudonymizer pseudonyms;

    @Autowired
    CheckInPlanner planner;

    @Autowired
    CheckInRepository checkIns;

    @Autowired
    TeamRepository teams;

    long teamId;
    WeekId week;
    /** The answer and check-in tables as a dump taken in the middle of the week shows them. */
    List<Map<String, Object>> answerDump;

    List<Map<String, Object>> checkInDump;
    /** The check-ins as the service reads them (statements opened): what the insider wants to know. */
    List<CheckIn> plannedCheckIns;
    /** Ground truth, which only the holder of the secret has: whose each answer token is. */
    Map<String, String> ownerOfToken;

    abstract FakeSlack slack();

    /** The directory that holds every file of the database. */
    abstract Path databaseFiles();

    /** Makes the database write what it holds to its files. */
    abstract void checkpoint();

    @BeforeAll
    void aWeekInSlackWithFailures() throws Exception {
        FailingSlackWeek slackWeek = new FailingSlackWeek(slack(), port);
        slackWeek.untilClose();
        QueuedWork.awaitDone(jdbc, Duration.ofSeconds(60));

        teamId = jdbc.sql("SELECT id FROM team").query(Long.class).single();
        week = WeekId.parse(jdbc.sql("SELECT DISTINCT week FROM check_in")
                .query(String.class)
                .single());
        answerDump = jdbc.sql("SELECT * FROM answer").query().listOfRows();
        checkInDump = jdbc.sql("SELECT * FROM check_in").query().listOfRows();
        plannedCheckIns = checkIns.ofWeek(teamId, week);
        ownerOfToken = new HashMap<>();
        // an answer's token, as the service derives it: SHA-256 of the person's week pseudonym and the dimension
        for (String person : FailingSlackWeek.EVERYONE) {
            String pseudonym = pseudonyms.pseudonym(teamId, Platform.SLACK, person, week);
            for (Dimension d : Dimension.values()) {
                ownerOfToken.put(sha256(pseudonym + "|" + d.name()), person);
            }
        }

        int posts = slack().calls("chat.postMessage").size();
        slackWeek.close();
        // the pulse is stored, the comments released, and the pulse and a digest tried (and failed, so they wait)
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM weekly_pulse")
                                        .query(Integer.class)
                                        .single()
                                == 1
                        && slack().calls("chat.postMessage").size() >= posts + 2);
        checkpoint();
    }

    @Test
    void theRawFilesHoldNothingAPersonSaidAndNoMemberIdBesideADimension() {
        // Max's six typed answers, Mia's two clicks, Mo's click and typed answer (one row if both are "safety")
        assertThat(answerDump).as("answers given in the week").hasSizeGreaterThanOrEqualTo(9);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM released_comment")
                        .query(Integer.class)
                        .single())
                .as("the comments of three people, released at the close")
                .isEqualTo(3);
        assertThat(FailingSlackWeek.COMMENTS)
                .as("the comments are found by their unique word")
                .allSatisfy(c -> assertThat(c).contains("Gingerly"));

        RawFiles raw = new RawFiles()
                .forbid(
                        FailingSlackWeek.FEEDBACK,
                        "Quietly",
                        "Gingerly",
                        FailingSlackWeek.TYPED_SCORES,
                        FailingSlackWeek.TYPED_PAIR,
                        "Recorded",
                        "\"action_id\"",
                        "\"response_url\"",
                        "feedback:")
                .forbid(STATEMENT_OR_SCORE)
                .forbid(ANSWER_ACTION)
                .forbidBeside(FailingSlackWeek.MEMBERS, DIMENSION, BESIDE)
                .counting(FailingSlackWeek.MEMBERS.toArray(String[]::new))
                .counting("s1.")
                .scan(databaseFiles());

        assertThat(raw.files()).isPositive();
        assertThat(raw.findings())
                .as("in %d files, %d bytes", raw.files(), raw.bytes())
                .isEmpty();
        // the files that were read do hold the rows: who is on the team in clear, what they said sealed
        for (String member : FailingSlackWeek.MEMBERS) {
            assertThat(raw.count(member))
                    .as("occurrences of the id of %s", member)
                    .isPositive();
        }
        assertThat(raw.count("s1.")).as("sealed values").isGreaterThanOrEqualTo(answerDump.size());
    }

    @Test
    void aDumpTellsNeitherWhoWasAskedWhatNorWhoseAnAnswerIs() {
        // the statements of every check-in are sealed, all to one length
        assertThat(checkInDump)
                .isNotEmpty()
                .allSatisfy(row -> assertThat((String) row.get("statements")).startsWith("s1."));
        assertThat(checkInDump.stream()
                        .map(r -> ((String) r.get("statements")).length())
                        .distinct())
                .hasSize(1);
        // an answer row is its team, week, a token and a sealed value of one length; no two rows share a token
        assertThat(answerDump).allSatisfy(row -> {
            assertThat(row.keySet().stream().map(String::toLowerCase))
                    .containsExactlyInAnyOrder("team_id", "week", "token", "sealed");
            assertThat((String) row.get("sealed")).startsWith("s1.");
        });
        assertThat(answerDump.stream()
                        .map(r -> ((String) r.get("sealed")).length())
                        .distinct())
                .hasSize(1);
        assertThat(answerDump.stream().map(r -> r.get("token")).distinct()).hasSize(answerDump.size());

        // who was asked which dimension: the order anyone could compute from the id is not the one used
        int perWeek = teams.find(teamId).orElseThrow().schedule().checkInDays().size();
        long guessed = plannedCheckIns.stream()
                .filter(c -> planner.plan(c.audience(), c.userId().hashCode(), 0, week, c.slot(), perWeek)
                        .equals(c.statements()))
                .count();
        assertThat(plannedCheckIns).hasSizeGreaterThanOrEqualTo(4);
        assertThat(guessed)
                .as("check-ins whose statements the public order foretells (by chance: 1 in 6)")
                .isLessThan(plannedCheckIns.size());
        long alike = IntStream.range(0, 600)
                .mapToObj(i -> "U0PEOPLE" + i)
                .filter(id -> planner.plan(Role.MEMBER, id.hashCode(), 0, week, 0, perWeek)
                        .equals(planner.plan(
                                Role.MEMBER, pseudonyms.rotationKey(teamId, Platform.SLACK, id), 0, week, 0, perWeek)))
                .count();
        assertThat(alike)
                .as("of 600 people, plans the public order foretells (chance: about 100)")
                .isLessThan(180);

        // the attacker's best use of the dump puts each answer to a person no better than chance
        Attack attack = patternAttack();
        assertThat(attack.rows()).isEqualTo(answerDump.size());
        assertThat(attack.expectedRight())
                .as("answers put to the right person, chance being %.2f", attack.chance())
                .isLessThanOrEqualTo(attack.chance() + 1e-9);
    }

    /** What the pattern attack achieves: of {@code rows} answers, how many it puts to the right person on average. */
    record Attack(int rows, double expectedRight, double chance) {}

    /**
     * The pattern attack on a dump. The attacker knows who was sent a check-in and whether as a member or a leader;
     * learns who was asked which dimension from the check-in's statements where they read in clear, and from the
     * public order ({@code userId.hashCode()}) where they do not; reads an answer row's dimension and role from any
     * clear column naming one; and takes rows that share a long value (a pseudonym) as one person's. A group of rows
     * goes to the people of its role who were asked most of its dimensions (everyone of the role when no dimension
     * is known). Guessing among those candidates, the attacker is right for a row with probability 1/candidates when
     * its owner is one of them.
     */
    Attack patternAttack() {
        int perWeek = teams.find(teamId).orElseThrow().schedule().checkInDays().size();
        Map<String, Set<Dimension>> asked = new LinkedHashMap<>();
        Map<String, String> roleOf = new HashMap<>();
        for (Map<String, Object> c : checkInDump) {
            if (c.get("sent_at") == null) {
                continue;
            }
            String user = (String) c.get("user_id");
            roleOf.put(user, (String) c.get("audience"));
            List<Dimension> dims;
            try {
                dims = Arrays.stream(((String) c.get("statements")).split(","))
                        .map(StatementRef::decode)
                        .map(StatementRef::dimension)
                        .toList();
            } catch (RuntimeException sealed) {
                dims = planner
                        .plan(
                                Role.valueOf((String) c.get("audience")),
                                user.hashCode(),
                                0,
                                week,
                                ((Number) c.get("slot")).intValue(),
                                perWeek)
                        .stream()
                        .map(StatementRef::dimension)
                        .toList();
            }
            asked.computeIfAbsent(user, u -> new HashSet<>()).addAll(dims);
        }
        Set<String> people = asked.keySet();

        // rows sharing a long value are one person's; any other row is a group of its own
        Map<String, Long> valueUses = answerDump.stream()
                .flatMap(r -> r.entrySet().stream())
                .filter(e -> e.getValue() instanceof String s && s.length() >= 16)
                .collect(Collectors.groupingBy(e -> e.getKey() + "=" + e.getValue(), Collectors.counting()));
        Map<Object, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        for (Map<String, Object> row : answerDump) {
            Object group = row.entrySet().stream()
                    .filter(e -> e.getValue() instanceof String s
                            && s.length() >= 16
                            && valueUses.get(e.getKey() + "=" + s) > 1)
                    .map(e -> (Object) (e.getKey() + "=" + e.getValue()))
                    .findFirst()
                    .orElse(new Object());
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(row);
        }
        double right = 0;
        for (List<Map<String, Object>> rows : groups.values()) {
            Set<Dimension> dims = new HashSet<>();
            Set<String> roles = new HashSet<>();
            for (Map<String, Object> row : rows) {
                for (Object v : row.values()) {
                    if (v instanceof String s && DIMENSION.matcher(s).matches()) {
                        dims.add(Dimension.valueOf(s));
                    } else if (v instanceof String s
                            && (s.equals(Role.MEMBER.name()) || s.equals(Role.LEADER.name()))) {
                        roles.add(s);
                    }
                }
            }
            List<String> pool = people.stream()
                    .filter(p -> roles.size() != 1 || roles.contains(roleOf.get(p)))
                    .toList();
            long best = pool.stream()
                    .mapToLong(p -> overlap(asked.get(p), dims))
                    .max()
                    .orElse(0);
            Set<String> candidates = pool.stream()
                    .filter(p -> overlap(asked.get(p), dims) == best)
                    .collect(Collectors.toSet());
            for (Map<String, Object> row : rows) {
                if (candidates.contains(owner(row))) {
                    right += 1.0 / candidates.size();
                }
            }
        }
        return new Attack(answerDump.size(), right, (double) answerDump.size() / people.size());
    }

    private static long overlap(Set<Dimension> asked, Set<Dimension> answered) {
        return answered.stream().filter(asked::contains).count();
    }

    /** Whose an answer row is, known from the secret; every row has an owner among the people of the week. */
    String owner(Map<String, Object> answerRow) {
        String owner = ownerOfToken.get((String) answerRow.get("token"));
        assertThat(owner).as("the owner of answer %s", answerRow.get("token")).isNotNull();
        return owner;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
