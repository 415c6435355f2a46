package app.trustpulse.work;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The durable work queue with every handler the application defines. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkProperties.class)
public class WorkConfig {

    @Bean
    DurableWork durableWork(DataSource dataSource, ObjectProvider<WorkHandler> handlers, WorkProperties props) {
        return new DurableWork(dataSource, () -> handlers.orderedStream().toList(), props);
    }

    @Bean
    DeliveryAttempts deliveryAttempts(JdbcClient jdbc) {
        return new DeliveryAttempts(jdbc);
    }
}
