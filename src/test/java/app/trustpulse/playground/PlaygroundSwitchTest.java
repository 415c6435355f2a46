package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.TeamRepository;
import java.time.Clock;
import app.trustpulse.support.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

class PlaygroundSwitchTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withBean(DataSource.class, TestDatabases::h2)
            .withBean(ChatInbox.class, () -> mock(ChatInbox.class))
            .withBean(TeamRepository.class, () -> mock(TeamRepository.class))
            .withBean(NudgingLeaders.class, () -> mock(NudgingLeaders.class))
            .withBean(app.trustpulse.pulse.MemberRepository.class, () -> mock(app.trustpulse.pulse.MemberRepository.class))
            .withBean(app.trustpulse.pulse.AnswerRepository.class, () -> mock(app.trustpulse.pulse.AnswerRepository.class))
            .withBean(app.trustpulse.pulse.PulseRepository.class, () -> mock(app.trustpulse.pulse.PulseRepository.class))
            .withBean(app.trustpulse.nudge.NudgeLog.class, () -> mock(app.trustpulse.nudge.NudgeLog.class))
            .withBean(app.trustpulse.pulse.Pseudonymizer.class, () -> mock(app.trustpulse.pulse.Pseudonymizer.class))
            .withBean(app.trustpulse.summary.ClosingWeeks.class, () -> mock(app.trustpulse.summary.ClosingWeeks.class))
            .withBean(app.trustpulse.nudge.MonthlyReviews.class, () -> mock(app.trustpulse.nudge.MonthlyReviews.class))
            .withBean(app.trustpulse.chat.ChatGateways.class, () -> new app.trustpulse.chat.ChatGateways(java.util.List.of()))
            .withBean(Clock.class, Clock::systemUTC)
            .withUserConfiguration(PlaygroundConfiguration.class, PlaygroundApiController.class,
                    PlaygroundPageController.class);

    @Test
    void withoutAnySettingThePlaygroundIsOnWithItsGatewayApiAndPage() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBeansOfType(ChatGateway.class).values()).singleElement()
                    .isInstanceOf(PlaygroundGateway.class);
            assertThat(c).hasSingleBean(PlaygroundApiController.class).hasSingleBean(PlaygroundPageController.class)
                    .hasSingleBean(SimulatingWeeks.class);
            assertThat(c.getBean(PlaygroundProperties.class).historyLimit()).isEqualTo(200);
        });
    }

    @Test
    void switchedOffThereIsNoGatewayNoApiAndNoPage() {
        context.withPropertyValues("pulse.playground.enabled=false").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c).doesNotHaveBean(ChatGateway.class)
                    .doesNotHaveBean(PlaygroundApiController.class)
                    .doesNotHaveBean(PlaygroundPageController.class)
                    .doesNotHaveBean(WebMvcConfigurer.class)
                    .doesNotHaveBean(PlaygroundProperties.class)
                    .doesNotHaveBean(SimulatingWeeks.class);
        });
    }
}
