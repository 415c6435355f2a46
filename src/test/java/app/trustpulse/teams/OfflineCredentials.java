package app.trustpulse.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Bot and Graph credentials that never ask Microsoft for a token, for tests against the fake connector. */
@TestConfiguration(proxyBeanMethods = false)
class OfflineCredentials {

    @Bean
    @Primary
    AppCredentials testBotCredentials() {
        return new TestBotCredentials("test-app-id");
    }

    @Bean
    @Primary
    GraphTokens testGraphTokens() {
        return tenant -> java.util.Optional.of(FakeBotConnector.GRAPH_TOKEN);
    }
}
