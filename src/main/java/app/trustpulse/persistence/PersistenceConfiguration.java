package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.TeamsIdentities;
import app.trustpulse.nudge.DecisionLog;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.privacy.RetentionStore;
import app.trustpulse.promise.PromiseRepository;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.FeedbackThreadRepository;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.RatedLeaderRepository;
import app.trustpulse.pulse.RosterNoticeRepository;
import app.trustpulse.pulse.Sealer;
import app.trustpulse.pulse.SecretStore;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekStepRepository;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC adapters behind the storage ports; the classes behind them are this package's own. */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    @Bean
    H2Durability h2Durability(DataSource dataSource, JdbcClient jdbc) {
        return new H2Durability(dataSource, jdbc);
    }

    @Bean
    DatabaseDoctor databaseDoctor(
            DataSource dataSource, org.springframework.beans.factory.ObjectProvider<org.flywaydb.core.Flyway> flyway) {
        return new DatabaseDoctor(dataSource, java.util.Optional.ofNullable(flyway.getIfAvailable()));
    }

    @Bean
    TeamRepository teamRepository(JdbcClient jdbc) {
        return new JdbcTeamRepository(jdbc);
    }

    @Bean
    MemberRepository memberRepository(JdbcClient jdbc, Liveness liveness) {
        return new JdbcMemberRepository(jdbc, liveness);
    }

    @Bean
    CheckInRepository checkInRepository(
            JdbcClient jdbc, Sealer sealer, Liveness liveness, TransactionTemplate transactions) {
        return new JdbcCheckInRepository(jdbc, sealer, liveness, transactions);
    }

    @Bean
    AnswerRepository answerRepository(JdbcClient jdbc, Sealer sealer) {
        return new JdbcAnswerRepository(jdbc, sealer);
    }

    @Bean
    PulseRepository pulseRepository(JdbcClient jdbc, TransactionTemplate transactions) {
        return new JdbcPulseRepository(jdbc, transactions);
    }

    @Bean
    NudgeLog nudgeLog(JdbcClient jdbc) {
        return new JdbcNudgeLog(jdbc);
    }

    @Bean
    PromiseRepository promiseRepository(JdbcClient jdbc, Sealer sealer) {
        return new JdbcPromiseRepository(jdbc, sealer);
    }

    @Bean
    RatedLeaderRepository ratedLeaderRepository(JdbcClient jdbc, Sealer sealer) {
        return new JdbcRatedLeaders(jdbc, sealer);
    }

    @Bean
    DecisionLog decisionLog(JdbcClient jdbc) {
        return new JdbcDecisionLog(jdbc);
    }

    @Bean
    FeedbackRepository feedbackRepository(JdbcClient jdbc, Sealer sealer) {
        return new JdbcFeedbackRepository(jdbc, sealer);
    }

    @Bean
    FeedbackThreadRepository feedbackThreadRepository(JdbcClient jdbc, Sealer sealer) {
        return new JdbcFeedbackThreads(jdbc, sealer);
    }

    @Bean
    ProcessedEvents processedEvents(DataSource dataSource) {
        return new JdbcProcessedEvents(dataSource);
    }

    @Bean
    WeekStepRepository weekStepRepository(JdbcClient jdbc, Liveness liveness) {
        return new JdbcWeekStepRepository(jdbc, liveness);
    }

    @Bean
    RosterNoticeRepository rosterNoticeRepository(
            JdbcClient jdbc, TransactionTemplate transactions, Liveness liveness) {
        return new JdbcRosterNoticeRepository(jdbc, transactions, liveness);
    }

    @Bean
    Leases leases(JdbcClient jdbc, Liveness liveness) {
        return new JdbcLeases(jdbc, liveness);
    }

    @Bean
    SecretStore secretStore(JdbcClient jdbc) {
        return new JdbcSecretStore(jdbc);
    }

    @Bean
    RetentionStore retentionStore(JdbcClient jdbc) {
        return new JdbcRetentionStore(jdbc);
    }

    @Bean
    InsightQueries insightQueries(JdbcClient jdbc, Sealer sealer) {
        return new JdbcInsightQueries(
                jdbc, new JdbcFeedbackRepository(jdbc, sealer), new JdbcFeedbackThreads(jdbc, sealer));
    }

    @Bean
    TeamsIdentities teamsIdentities(JdbcClient jdbc) {
        return new JdbcTeamsIdentities(jdbc);
    }

    /** Before any work or schedule starts, what an earlier version stored in clear is sealed (once). */
    @Bean
    SmartInitializingSingleton sealEarlierData(
            JdbcClient jdbc, TransactionTemplate transactions, Pseudonymizer pseudonyms, Sealer sealer) {
        return () -> new SealingEarlierData(
                        jdbc,
                        transactions,
                        pseudonyms,
                        new JdbcAnswerRepository(jdbc, sealer),
                        new JdbcFeedbackRepository(jdbc, sealer),
                        new JdbcCheckInRepository(jdbc, sealer))
                .run();
    }
}
