package app.trustpulse.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.support.InMemoryProcessedEvents;
import app.trustpulse.support.TestDatabases;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkHandler;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Teams switches itself on only with an app id, or for the emulator when unauthenticated use is asked for. */
class TeamsSwitchTest {

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan("app.trustpulse.teams")
    static class Core {
        final ChatInbox inbox = mock(ChatInbox.class);

        @Bean
        ChatInbox inbox() {
            return inbox;
        }

        @Bean
        ProcessedEvents processedEvents() {
            return new InMemoryProcessedEvents();
        }

        @Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }

        @Bean
        DeliveryAttempts deliveryAttempts(JdbcClient jdbcClient) {
            return new DeliveryAttempts(jdbcClient);
        }

        /** Does queued work at once, so a request's effects can be checked right after it. */
        @Bean
        WorkQueue workQueue(ObjectProvider<WorkHandler> handlers) {
            return (kind, key, data, due) -> {
                WorkHandler handler = handlers.orderedStream()
                        .filter(h -> h.kind().equals(kind))
                        .findFirst()
                        .orElseThrow();
                try {
                    handler.run(key, data);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return true;
            };
        }

        @Bean
        JdbcClient jdbcClient() {
            return JdbcClient.create(TestDatabases.h2());
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Core.class, TeamsConfiguration.class, TeamsController.class);

    @Test
    void theDocumentedEnvironmentVariablesReachTheSettings() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(
                                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of(
                                        "MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001",
                                        "MICROSOFT_APP_PASSWORD", "secret",
                                        "MICROSOFT_APP_TENANT_ID", "00000000-0000-0000-0000-000000000002",
                                        "TEAMS_ALLOW_UNAUTHENTICATED", "true",
                                        "TEAMS_MAX_ATTEMPTS", "7")));
        ConfigurationPropertySources.attach(env);

        MicrosoftAppSettings app = Binder.get(env)
                .bind("microsoft.app", MicrosoftAppSettings.class)
                .get();
        TeamsSettings teams = Binder.get(env).bind("teams", TeamsSettings.class).get();

        assertThat(app)
                .isEqualTo(new MicrosoftAppSettings(
                        "00000000-0000-0000-0000-000000000001", "secret", "00000000-0000-0000-0000-000000000002"));
        assertThat(teams.allowUnauthenticated()).isTrue();
        assertThat(teams.maxAttempts()).isEqualTo(7);
        assertThat(TeamsSwitch.isOn(env)).isTrue();
    }

    @Test
    void withoutAnAppIdTeamsIsOff() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(TeamsController.class);
            assertThat(context).doesNotHaveBean(ChatGateway.class);
            assertThat(context).doesNotHaveBean(TeamsSettings.class);
        });
    }

    @Test
    void withAnAppIdTeamsIsOnAndItsGatewayIsAChatGateway() {
        runner.withPropertyValues("microsoft.app.id=00000000-0000-0000-0000-000000000001", "microsoft.app.password=x")
                .run(context -> {
                    assertThat(context).hasSingleBean(TeamsController.class);
                    assertThat(context.getBean(ChatGateway.class).platform())
                            .isEqualTo(app.trustpulse.pulse.Platform.TEAMS);
                });
    }

    @Test
    void forTheEmulatorUnauthenticatedRequestsAreAcceptedOnlyWhenSwitchedOn() throws Exception {
        try (FakeBotConnector emulator = new FakeBotConnector()) {
            String message = """
                    {"type":"message","id":"emu-1","channelId":"emulator","serviceUrl":"%s",
                     "from":{"id":"user-1","name":"User"},"conversation":{"id":"conv-1","conversationType":"personal",
                     "tenantId":"emulator-tenant"},"recipient":{"id":"bot-1","name":"Bot"},"text":"help"}""".formatted(emulator.url());
            runner.withPropertyValues("teams.allow-unauthenticated=true").run(context -> {
                ChatInbox inbox = context.getBean(ChatInbox.class);
                when(inbox.directMessage(any(), any())).thenReturn(ChatMessage.text("help text"));
                TeamsController controller = context.getBean(TeamsController.class);

                assertThat(controller.messages(message, null).getStatusCode().value())
                        .isEqualTo(200);
                verify(inbox).directMessage(any(), eq("help"));
                assertThat(emulator.postedTo("conv-1")).singleElement().satisfies(reply -> {
                    assertThat(reply.text()).isEqualTo("help text");
                    assertThat(reply.authorization()).isNull();
                });
                // a request that carries a token is still checked, and this one is no token at all
                assertThat(controller
                                .messages(message.replace("emu-1", "emu-2"), "Bearer forged.token.here")
                                .getStatusCode()
                                .value())
                        .isEqualTo(401);
            });
        }
    }
}
