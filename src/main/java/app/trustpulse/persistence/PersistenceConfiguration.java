package app.trustpulse.persistence;

import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.insight.InsightQueries;
import app.trustpulse.insight.TeamsIdentities;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.privacy.RetentionStore;
import app.trustpulse.pulse.AnswerMixing;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.FeedbackRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.SecretStore;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.Leases;
import app.trustpulse.pulse.Liveness;
import app.trustpulse.pulse.WeekStepRepository;
import javax.sql.DataSource;
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
    TeamRepository teamRepository(JdbcClient jdbc) {
        return new JdbcTeamRepository(jdbc);
    }

    @Bean
    MemberRepository memberRepository(JdbcClient jdbc, Liveness liveness) {
        return new JdbcMemberRepository(jdbc, liveness);
    }

    @Bean
    CheckInRepository checkInRepository(JdbcClient jdbc, Liveness liveness) {
        return new JdbcCheckInRepository(jdbc, liveness);
    }

    @Bean
    AnswerRepository answerRepository(JdbcClient jdbc) {
        return new JdbcAnswerRepository(jdbc);
    }

    @Bean
    AnswerMixing answerMixing(JdbcClient jdbc, TransactionTemplate transactions) {
        return new JdbcAnswerMixing(jdbc, transactions);
    }

    @Bean
    PulseRepository pulseRepository(JdbcClient jdbc) {
        return new JdbcPulseRepository(jdbc);
    }

    @Bean
    NudgeLog nudgeLog(JdbcClient jdbc) {
        return new JdbcNudgeLog(jdbc);
    }

    @Bean
    FeedbackRepository feedbackRepository(JdbcClient jdbc) {
        return new JdbcFeedbackRepository(jdbc);
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new JdbcProcessedEvents(jdbc);
    }

    @Bean
    WeekStepRepository weekStepRepository(JdbcClient jdbc, Liveness liveness) {
        return new JdbcWeekStepRepository(jdbc, liveness);
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
    InsightQueries insightQueries(JdbcClient jdbc) {
        return new JdbcInsightQueries(jdbc);
    }

    @Bean
    TeamsIdentities teamsIdentities(JdbcClient jdbc) {
        return new JdbcTeamsIdentities(jdbc);
    }
}
