package app.trustpulse.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.trustpulse.chat.ChatGateway;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.support.TestDatabases;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@ExtendWith(OutputCaptureExtension.class)
class PlaygroundSwitchTest {

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withBean(DataSource.class, TestDatabases::h2)
            .withBean(ChatInbox.class, () -> mock(ChatInbox.class))
            .withBean(TeamRepository.class, () -> mock(TeamRepository.class))
            .withBean(NudgingLeaders.class, () -> mock(NudgingLeaders.class))
            .withBean(
                    app.trustpulse.pulse.MemberRepository.class,
                    () -> mock(app.trustpulse.pulse.MemberRepository.class))
            .withBean(
                    app.trustpulse.pulse.AnswerRepository.class,
                    () -> mock(app.trustpulse.pulse.AnswerRepository.class))
            .withBean(
                    app.trustpulse.pulse.PulseRepository.class, () -> mock(app.trustpulse.pulse.PulseRepository.class))
            .withBean(app.trustpulse.nudge.NudgeLog.class, () -> mock(app.trustpulse.nudge.NudgeLog.class))
            .withBean(app.trustpulse.pulse.Pseudonymizer.class, () -> mock(app.trustpulse.pulse.Pseudonymizer.class))
            .withBean(app.trustpulse.summary.ClosingWeeks.class, () -> mock(app.trustpulse.summary.ClosingWeeks.class))
            .withBean(app.trustpulse.nudge.DigestNudges.class, () -> mock(app.trustpulse.nudge.DigestNudges.class))
            .withBean(
                    app.trustpulse.chat.ChatGateways.class,
                    () -> new app.trustpulse.chat.ChatGateways(java.util.List.of()))
            .withBean(app.trustpulse.pulse.TeamTriggers.class, () -> mock(app.trustpulse.pulse.TeamTriggers.class))
            .withBean(
                    app.trustpulse.pulse.CheckInRepository.class,
                    () -> mock(app.trustpulse.pulse.CheckInRepository.class))
            .withBean(app.trustpulse.checkin.CheckIns.class, () -> mock(app.trustpulse.checkin.CheckIns.class))
            .withBean("clock", Clock.class, Clock::systemUTC)
            .withUserConfiguration(
                    PlaygroundConfiguration.class, PlaygroundApiController.class, PlaygroundPageController.class);

    @Test
    void withoutAnySettingThePlaygroundIsOnWithItsGatewayApiAndPage() {
        context.run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c.getBeansOfType(ChatGateway.class).values())
                    .singleElement()
                    .isInstanceOf(PlaygroundGateway.class);
            assertThat(c)
                    .hasSingleBean(PlaygroundApiController.class)
                    .hasSingleBean(PlaygroundPageController.class)
                    .hasSingleBean(SimulatingWeeks.class);
            assertThat(c.getBean(PlaygroundProperties.class).historyLimit()).isEqualTo(200);
            // Alone, the playground's calendar is the service's clock, so "Next week" can move the demo on.
            assertThat(c.getBean(Clock.class)).isInstanceOf(PlaygroundClock.class);
            assertThat(c.getBean(PlaygroundCalendar.class).movable()).isTrue();
        });
    }

    @Test
    void switchedOffThereIsNoGatewayNoApiAndNoPage() {
        context.withPropertyValues("pulse.playground.enabled=false").run(c -> {
            assertThat(c).hasNotFailed();
            assertThat(c)
                    .doesNotHaveBean(ChatGateway.class)
                    .doesNotHaveBean(PlaygroundApiController.class)
                    .doesNotHaveBean(PlaygroundPageController.class)
                    .doesNotHaveBean(WebMvcConfigurer.class)
                    .doesNotHaveBean(PlaygroundProperties.class)
                    .doesNotHaveBean(SimulatingWeeks.class);
        });
    }

    @Test
    void withSlackConfiguredThePlaygroundIsOffUnlessSwitchedOnExplicitly() {
        context.withPropertyValues("slack.bot-token=xoxb-real", "slack.signing-secret=real")
                .run(c -> assertThat(c)
                        .hasNotFailed()
                        .doesNotHaveBean(ChatGateway.class)
                        .doesNotHaveBean(PlaygroundApiController.class));
        context.withPropertyValues("microsoft.app.id=00000000-0000-0000-0000-000000000001")
                .run(c -> assertThat(c).hasNotFailed().doesNotHaveBean(PlaygroundApiController.class));
    }

    @Test
    void switchedOnBesideSlackItWarnsLoudlyAtStart(CapturedOutput output) {
        context.withPropertyValues("slack.bot-token=xoxb-real", "pulse.playground.enabled=true")
                .run(c -> {
                    assertThat(c).hasNotFailed().hasSingleBean(PlaygroundApiController.class);
                    // Beside a real platform the clock stays the real one: a real team's weeks never move.
                    assertThat(c.getBean(Clock.class)).isNotInstanceOf(PlaygroundClock.class);
                    assertThat(c.getBean(PlaygroundCalendar.class).movable()).isFalse();
                    assertThat(output.getAll())
                            .contains("The playground is switched on (PULSE_PLAYGROUND_ENABLED=true) beside Slack")
                            .contains("PULSE_PLAYGROUND_ENABLED=false");
                });
    }
}
