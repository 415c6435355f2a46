package app.trustpulse.bench;

import app.trustpulse.chat.ChannelAddress;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ChatUser;
import app.trustpulse.chat.DirectAddress;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.checkin.CheckInModule;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.feedback.FeedbackModule;
import app.trustpulse.feedback.TextScrubber;
import app.trustpulse.nudge.InMemoryDecisionLog;
import app.trustpulse.nudge.NudgeModule;
import app.trustpulse.persistence.JdbcStores;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseModule;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.summary.SummaryModule;
import app.trustpulse.support.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prints how long the engine's heavy moments take for one large team, on H2 and on PostgreSQL: a check-in
 * round, recording answers, and the week close with digests. Not part of the normal run; start it with
 * {@code ./mvnw test -Dtest=PulseBenchmark}. Figures are printed, never asserted.
 */
class PulseBenchmark {

    private static final BenchmarkReport REPORT = BenchmarkReport.of(PulseBenchmark.class);

    private static final int MEMBERS = 500;
    private static final int LEADERS = 5;

    @Test
    void largeTeamOnH2() {
        run("H2", TestDatabases.h2());
    }

    @Test
    void largeTeamOnPostgres() {
        // Pooled, as the application's own connections are; a connection per statement would measure only that.
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(TestDatabases.postgresUrl());
            pool.setUsername("postgres");
            run("PostgreSQL", pool);
        }
    }

    private void run(String database, DataSource ds) {
        JdbcClient jdbc = JdbcClient.create(ds);
        Clock clock = Clock.systemUTC();
        Texts texts = new Texts();
        JdbcStores stores = JdbcStores.on(ds, app.trustpulse.support.TestDatabases.SEALER);
        var teams = stores.teams();
        var members = stores.members();
        var checkIns = stores.checkIns();
        var answers = stores.answers();
        var pulses = stores.pulses();
        var nudgeLog = stores.nudgeLog();
        var feedback = stores.feedback();
        ChatGateways gateways = new ChatGateways(List.of(new CountingGateway()));
        PulseModule pulse = new PulseModule(new byte[32]);
        Pseudonymizer pseudonyms = pulse.pseudonyms();
        TeamTriggers noTriggers = new TeamTriggers() {
            public void plan(Team team) {}

            public void drop(long teamId) {}

            public void planReminder(long teamId, WeekId week, int slot, Instant at) {}

            public void planPersonalCheckIn(long teamId, String userId, Instant at) {}

            public NextRuns nextRuns(long teamId) {
                return new NextRuns(Optional.empty(), Optional.empty(), Optional.empty());
            }
        };
        // Nothing fails against the instant platform, so nothing is queued for later: the queue is not needed here.
        WorkQueue noQueue = (kind, key, data, due) -> true;
        CheckIns sending = new CheckInModule(
                        new CheckInModule.Stores(teams, members, checkIns, pulses, stores.leases()),
                        new CheckInModule.Neighbours(
                                app.trustpulse.promise.PromiseQuestions.none(),
                                app.trustpulse.pulse.RatedLeaders.none(),
                                pulse.personalAnswers(answers)),
                        new CheckInModule.Outside(
                                gateways,
                                noTriggers,
                                noQueue,
                                app.trustpulse.pulse.Liveness.alone(),
                                PulseMetrics.NONE,
                                Duration.ofMinutes(15)),
                        pseudonyms,
                        pulse.checkInPlanner(),
                        texts,
                        clock)
                .checkIns();
        ClosingWeeks closing = new SummaryModule(
                        new SummaryModule.Stores(
                                teams, members, checkIns, answers, pulses, stores.weekSteps(), nudgeLog),
                        new SummaryModule.Neighbours(
                                NudgeModule.digestNudges(nudgeLog, new InMemoryDecisionLog(), texts),
                                FeedbackModule.release(feedback, members, pseudonyms, new Random(1)),
                                new TextScrubber(),
                                app.trustpulse.promise.PromiseSections.none(),
                                pulse.personalAnswers(answers)),
                        new SummaryModule.Outside(
                                gateways,
                                noQueue,
                                app.trustpulse.summary.PulseCharts.none(),
                                PulseMetrics.NONE,
                                Duration.ofMinutes(15)),
                        pseudonyms,
                        texts,
                        clock)
                .closingWeeks();

        Team team = teams.insert(new Team(
                0,
                Platform.PLAYGROUND,
                "bench",
                "big-team",
                "big-team",
                ZoneId.of("UTC"),
                Language.EN,
                3,
                TeamSchedule.defaults(),
                false));
        for (int i = 0; i < MEMBERS + LEADERS; i++) {
            members.save(new Member(
                    team.id(),
                    "u" + i,
                    "Person " + i,
                    i < LEADERS ? Role.LEADER : Role.MEMBER,
                    Optional.empty(),
                    false,
                    false));
        }
        WeekId week = WeekId.of(clock.instant(), team.timezone());

        long t0 = System.nanoTime();
        CheckIns.Round round = sending.sendNow(team.id());
        long t1 = System.nanoTime();
        Random random = new Random(3);
        for (int i = 0; i < MEMBERS + LEADERS; i++) {
            String pseudonym = pseudonyms.pseudonym(team.id(), team.platform(), "u" + i, week);
            for (Dimension d : Dimension.values()) {
                answers.upsert(new Answer(
                        team.id(),
                        week,
                        d,
                        pseudonym,
                        i < LEADERS ? Role.LEADER : Role.MEMBER,
                        1 + random.nextInt(5),
                        Optional.empty()));
            }
        }
        long t2 = System.nanoTime();
        ClosingWeeks.Outcome outcome = closing.closeNow(team.id());
        long t3 = System.nanoTime();

        Runtime rt = Runtime.getRuntime();
        REPORT.printf("%n[benchmark %s] team of %d members and %d leaders%n", database, MEMBERS, LEADERS);
        REPORT.printf(
                "  check-in round (send-now): %d sent in %d ms (%.2f ms each)%n",
                round.sent(), ms(t0, t1), ms(t0, t1) / (double) Math.max(1, round.sent()));
        REPORT.printf(
                "  recording %d answers: %d ms (%.2f ms each)%n",
                (MEMBERS + LEADERS) * 6, ms(t1, t2), ms(t1, t2) / (double) ((MEMBERS + LEADERS) * 6));
        REPORT.printf("  week close (%s): pulse and %d digests in %d ms%n", outcome, LEADERS, ms(t2, t3));
        REPORT.printf("  heap in use after the run: %d MB%n", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** A platform that accepts everything at once, so the figures are the engine's and the database's own. */
    private static final class CountingGateway implements ChatGateway {
        private final AtomicLong ids = new AtomicLong();

        public Platform platform() {
            return Platform.PLAYGROUND;
        }

        public MessageRef sendDirect(DirectAddress to, ChatMessage message) {
            return new MessageRef(
                    Platform.PLAYGROUND, to.workspaceId(), "dm:" + to.userId(), String.valueOf(ids.incrementAndGet()));
        }

        public MessageRef postToChannel(ChannelAddress to, ChatMessage message) {
            return new MessageRef(
                    Platform.PLAYGROUND, to.workspaceId(), to.channelId(), String.valueOf(ids.incrementAndGet()));
        }

        public void update(MessageRef ref, ChatMessage message) {}

        public List<ChatUser> channelMembers(ChannelAddress channel) {
            return List.of();
        }
    }
}
