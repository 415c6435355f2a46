package app.trustpulse.persistence;

import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.TeamsIdentities;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekStepRepository;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The storage ports on one database, for tools and tests that run the use cases without the application. */
public record JdbcStores(
        TeamRepository teams,
        MemberRepository members,
        CheckInRepository checkIns,
        AnswerRepository answers,
        PulseRepository pulses,
        NudgeLog nudgeLog,
        FeedbackRepository feedback,
        InsightQueries insights,
        TeamsIdentities identities,
        Leases leases,
        WeekStepRepository weekSteps) {

    public static JdbcStores on(DataSource dataSource, Sealer sealer) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        return new JdbcStores(
                new JdbcTeamRepository(jdbc),
                new JdbcMemberRepository(jdbc),
                new JdbcCheckInRepository(jdbc, sealer),
                new JdbcAnswerRepository(jdbc, sealer),
                new JdbcPulseRepository(jdbc, transactions),
                new JdbcNudgeLog(jdbc),
                new JdbcFeedbackRepository(jdbc, sealer),
                new JdbcInsightQueries(
                        jdbc, new JdbcFeedbackRepository(jdbc, sealer), new JdbcFeedbackThreads(jdbc, sealer)),
                new JdbcTeamsIdentities(jdbc),
                new JdbcLeases(jdbc),
                new JdbcWeekStepRepository(jdbc));
    }
}
