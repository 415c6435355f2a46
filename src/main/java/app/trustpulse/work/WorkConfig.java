package app.trustpulse.work;

import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.Sealer;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The durable work queue with every handler the application defines. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkProperties.class)
public class WorkConfig {

    @Bean
    InstanceHeartbeat instanceHeartbeat(JdbcClient jdbc, WorkProperties props) {
        return new InstanceHeartbeat(jdbc, props);
    }

    /** Its workers carry the instance's name, the one its claims carry. */
    @Bean
    DurableWork durableWork(
            DataSource dataSource,
            ObjectProvider<WorkHandler> handlers,
            WorkProperties props,
            DeadLetters deadLetters,
            Sealer sealer,
            InstanceHeartbeat heartbeat) {
        return new DurableWork(
                dataSource, () -> handlers.orderedStream().toList(), props, deadLetters, sealer, heartbeat.instance());
    }

    /** Work that failed all of its tries, for admins to retry or drop. */
    @Bean
    DeadLetters deadLetters(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        return new DeadLetters(jdbc, tx, clock);
    }

    /** The queue's gauges, one set per kind of work, registered once every handler exists. */
    @Bean
    SmartInitializingSingleton queuedWorkGauges(
            JdbcClient jdbc, Clock clock, ObjectProvider<WorkHandler> handlers, ObjectProvider<PulseMetrics> metrics) {
        return () -> new QueueBacklog(jdbc, clock)
                .watch(
                        handlers.orderedStream().map(WorkHandler::kind).toList(),
                        metrics.getIfAvailable(() -> PulseMetrics.NONE));
    }

    @Bean
    DeliveryAttempts deliveryAttempts(JdbcClient jdbc) {
        return new DeliveryAttempts(jdbc);
    }
}
