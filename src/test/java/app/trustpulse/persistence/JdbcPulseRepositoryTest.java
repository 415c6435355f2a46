package app.trustpulse.persistence;

import static app.trustpulse.persistence.Fixtures.NOW;
import static app.trustpulse.persistence.Fixtures.WEEK;
import static app.trustpulse.persistence.Fixtures.concurrently;
import static app.trustpulse.persistence.Fixtures.insertTeam;
import static app.trustpulse.persistence.Fixtures.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.PublishedScore;
import app.trustpulse.pulse.PulseCalculator;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcPulseRepositoryTest {

    private final PulseCalculator calculator = new PulseCalculator();

    /** Answers of {@code people} members on the given dimensions, scores cycling from {@code base}. */
    private static List<Answer> answers(long teamId, WeekId week, int people, int base, Dimension... dims) {
        List<Answer> answers = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            for (Dimension d : dims) {
                int score = (base + p + d.ordinal()) % 5 + 1;
                answers.add(new Answer(teamId, week, d, "p" + p, Role.MEMBER, score, Optional.empty()));
            }
        }
        return answers;
    }

    /** Calculates a week's pulse from the stored history, as the week close does, and saves it. */
    private WeeklyPulse closeWeek(JdbcPulseRepository pulses, long team, WeekId week, List<Answer> answers) {
        assertThat(pulses.claimClose(team, week, NOW)).isTrue();
        var history = pulses.history(team, week.minus(PulseCalculator.TREND_WEEKS - 1), week);
        WeeklyPulse pulse = calculator.calculate(team, week, 3, answers, history, 5);
        pulses.save(pulse);
        return pulse;
    }

    @BothDatabases
    void aWeekClosesOnce(TestDb db) throws Exception {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));

        assertThat(pulses.isClosed(team, WEEK)).isFalse();
        List<Boolean> claims = concurrently(6, () -> pulses.claimClose(team, WEEK, NOW));

        assertThat(claims).containsOnlyOnce(true);
        assertThat(pulses.isClosed(team, WEEK)).isTrue();
        assertThat(pulses.claimClose(team, WEEK, NOW)).isFalse();
        assertThat(pulses.isClosed(team, WEEK.plus(1))).isFalse();
        assertThat(pulses.find(team, WEEK)).as("claimed, not yet saved").isEmpty();
        assertThat(pulses.latest(team)).isEmpty();
    }

    @BothDatabases
    void aSavedPulseComesBackAsItWasCalculatedWithTrendAndChange(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        Dimension[] all = Dimension.values();
        List<WeeklyPulse> saved = new ArrayList<>();
        // Ten weeks: full answers, except one week with too few people and one where two dimensions are withheld.
        for (int i = 9; i >= 0; i--) {
            WeekId week = WEEK.minus(i);
            List<Answer> answers = i == 4
                    ? answers(team, week, 2, i, all)
                    : i == 2
                            ? merge(
                                    answers(
                                            team,
                                            week,
                                            4,
                                            i,
                                            Dimension.VISION,
                                            Dimension.TRUST,
                                            Dimension.FREEDOM,
                                            Dimension.CONNECTION),
                                    answers(team, week, 2, i, Dimension.SAFETY))
                            : answers(team, week, 4 + i % 2, i, all);
            saved.add(closeWeek(pulses, team, week, answers));
        }
        WeeklyPulse last = saved.get(saved.size() - 1);

        assertThat(pulses.find(team, WEEK)).contains(last);
        assertThat(pulses.latest(team)).contains(last);
        for (WeeklyPulse p : saved) {
            assertThat(pulses.find(team, p.week())).contains(p);
        }
        WeeklyPulse partly = saved.get(7);
        assertThat(partly.score(Dimension.SAFETY).orElseThrow().withheld()).isTrue();
        assertThat(partly.score(Dimension.RESPONSIBILITY).orElseThrow().withheld())
                .isTrue();
        assertThat(partly.score(Dimension.TRUST).orElseThrow().withheld()).isFalse();
        assertThat(saved.get(5).withheld()).isTrue();
        DimensionScore trust = last.score(Dimension.TRUST).orElseThrow();
        assertThat(trust.trend()).hasSize(8);
        assertThat(trust.trend().get(3)).as("the withheld week").isEmpty();
        assertThat(trust.change()).isPresent();
    }

    @BothDatabases
    void meansAreStoredUnrounded(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        List<Answer> answers = new ArrayList<>();
        int[] scores = {4, 4, 5};
        for (int p = 0; p < scores.length; p++) {
            answers.add(new Answer(team, WEEK, Dimension.FREEDOM, "p" + p, Role.MEMBER, scores[p], Optional.empty()));
        }

        closeWeek(pulses, team, WEEK, answers);

        assertThat(pulses.find(team, WEEK).orElseThrow().mean(Dimension.FREEDOM))
                .contains(13.0 / 3);
        assertThat(pulses.history(team, WEEK, WEEK.plus(1)))
                .isEqualTo(Map.of(WEEK, Map.of(Dimension.FREEDOM, 13.0 / 3)));
    }

    @BothDatabases
    void historyHoldsThePublishedMeansOfTheWeeksAsked(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        long otherTeam = insertTeam(jdbc, "C2");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        WeeklyPulse w45 = closeWeek(
                pulses, team, WEEK.minus(2), answers(team, WEEK.minus(2), 3, 0, Dimension.VISION, Dimension.TRUST));
        closeWeek(pulses, team, WEEK.minus(1), answers(team, WEEK.minus(1), 2, 0, Dimension.VISION));
        WeeklyPulse w47 = closeWeek(pulses, team, WEEK, answers(team, WEEK, 3, 1, Dimension.SAFETY));
        closeWeek(pulses, otherTeam, WEEK, answers(otherTeam, WEEK, 3, 1, Dimension.SAFETY));

        var history = pulses.history(team, WEEK.minus(2), WEEK.plus(1));

        assertThat(history).containsOnlyKeys(WEEK.minus(2), WEEK);
        assertThat(history.get(WEEK.minus(2)))
                .isEqualTo(Map.of(
                        Dimension.VISION, w45.mean(Dimension.VISION).orElseThrow(),
                        Dimension.TRUST, w45.mean(Dimension.TRUST).orElseThrow()));
        assertThat(history.get(WEEK))
                .isEqualTo(Map.of(Dimension.SAFETY, w47.mean(Dimension.SAFETY).orElseThrow()));
        assertThat(pulses.history(team, WEEK.minus(1), WEEK))
                .as("the end is exclusive; withheld weeks are absent")
                .isEmpty();
    }

    @BothDatabases
    void publishedScoresCarryAnswersAndSpreadAndAWithheldDimensionStoresNoSpread(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        List<Answer> answers =
                merge(answers(team, WEEK, 5, 0, Dimension.TRUST), answers(team, WEEK, 2, 0, Dimension.SAFETY));
        WeeklyPulse pulse = closeWeek(pulses, team, WEEK, answers);

        var scores = pulses.publishedScores(team, WEEK, WEEK.plus(1));
        assertThat(scores).containsOnlyKeys(WEEK);
        assertThat(scores.get(WEEK)).containsOnlyKeys(Dimension.TRUST);
        PublishedScore trust = scores.get(WEEK).get(Dimension.TRUST);
        assertThat(trust)
                .isEqualTo(
                        pulse.score(Dimension.TRUST).orElseThrow().published().orElseThrow());
        assertThat(trust.answers()).isEqualTo(5);
        assertThat(trust.spread().getAsDouble()).isEqualTo(Math.sqrt(2.5));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM weekly_pulse_dimension WHERE team_id = :t AND spread IS NOT NULL AND (mean IS NULL OR answers < 3)")
                        .param("t", team)
                        .query(Integer.class)
                        .single())
                .as("no spread beside a withheld mean")
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM weekly_pulse_dimension WHERE team_id = :t AND dimension = 'SAFETY' AND spread IS NULL")
                        .param("t", team)
                        .query(Integer.class)
                        .single())
                .isOne();
    }

    @BothDatabases
    void savingAgainReplacesThePulse(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        closeWeek(pulses, team, WEEK, answers(team, WEEK, 3, 0, Dimension.values()));

        WeeklyPulse redone =
                calculator.calculate(team, WEEK, 4, answers(team, WEEK, 4, 2, Dimension.values()), Map.of(), 6);
        pulses.save(redone);

        assertThat(pulses.find(team, WEEK)).contains(redone);
    }

    @BothDatabases
    void savingAnUnclaimedWeekClosesIt(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        WeeklyPulse pulse =
                calculator.calculate(team, WEEK, 3, answers(team, WEEK, 1, 0, Dimension.TRUST), Map.of(), 4);

        pulses.save(pulse);
        pulses.markPosted(team, WEEK, NOW);

        assertThat(pulses.isClosed(team, WEEK)).isTrue();
        assertThat(pulses.claimClose(team, WEEK, NOW)).isFalse();
        assertThat(pulses.find(team, WEEK)).contains(pulse);
        assertThat(pulse.withheld()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM weekly_pulse WHERE posted_at IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @BothDatabases
    void latestIsTheMostRecentSavedWeek(TestDb db) {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C1");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        WeekId lastYear = WeekId.parse("2025-W52");
        closeWeek(
                pulses, team, WeekId.parse("2025-W09"), answers(team, WeekId.parse("2025-W09"), 3, 0, Dimension.TRUST));
        WeeklyPulse newest = closeWeek(pulses, team, lastYear, answers(team, lastYear, 3, 0, Dimension.TRUST));
        pulses.claimClose(team, WeekId.parse("2026-W01"), NOW);

        assertThat(pulses.latest(team)).contains(newest);
    }

    private static List<Answer> merge(List<Answer> a, List<Answer> b) {
        List<Answer> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @BothDatabases
    void twoClosesOfOneWeekStoreOneAfterTheOtherAndTheSecondSeesTheFirstsPulse(TestDb db) throws Exception {
        DataSource dataSource = db.dataSource();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        long team = insertTeam(jdbc, "C9");
        var pulses = new JdbcPulseRepository(jdbc, transactions(dataSource));
        pulses.claimClose(team, WEEK, NOW);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<Boolean> sawAPulse = concurrently(2, () -> {
            AtomicBoolean saw = new AtomicBoolean();
            pulses.exclusively(team, WEEK, () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                saw.set(pulses.find(team, WEEK).isPresent());
                if (!saw.get()) {
                    try {
                        Thread.sleep(300);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    pulses.save(calculator.calculate(team, WEEK, 3, List.of(), java.util.Map.of(), 5));
                }
                inside.decrementAndGet();
            });
            return saw.get();
        });

        assertThat(most.get()).as("closes inside at once").isEqualTo(1);
        assertThat(sawAPulse).containsExactlyInAnyOrder(false, true);
    }
}
