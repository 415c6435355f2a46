package app.trustpulse.playground;

import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.LocalPeople;
import app.trustpulse.chat.MessagePreview;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.config.ConfiguredPlatforms;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.nudge.NudgeLog;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.summary.ClosingWeeks;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The local playground: on where no real platform is configured (see {@link PlaygroundSwitch}). Switched off, it
 * has no beans, no page and no API. Switched on beside Slack or Teams it says so loudly at start: it has no sign-in,
 * and works only on its own workspace, never on the real teams.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PlaygroundSwitch.class)
@EnableConfigurationProperties(PlaygroundProperties.class)
public class PlaygroundConfiguration {

    @Bean
    PlaygroundBesideRealPlatforms playgroundBesideRealPlatforms(Environment environment) {
        return new PlaygroundBesideRealPlatforms(ConfiguredPlatforms.names(environment));
    }

    /**
     * The service's clock as the playground's calendar, so "Next week" can move the demo on: only where the playground
     * is alone. Beside Slack or Teams the clock stays the real one, as their teams' weeks must never move.
     */
    @Bean
    static BeanPostProcessor playgroundClockInstaller(Environment environment) {
        boolean alone = ConfiguredPlatforms.names(environment).isEmpty();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return alone && "clock".equals(name) && bean instanceof Clock real && !(bean instanceof PlaygroundClock)
                        ? new PlaygroundClock(real)
                        : bean;
            }
        };
    }

    @Bean
    PlaygroundCalendar playgroundCalendar(PlaygroundStore store, Clock clock) {
        return new PlaygroundCalendar(store, clock);
    }

    @Bean
    PlayingTheWeek playingTheWeek(
            PlaygroundStore store,
            ChatInbox inbox,
            TeamRepository teams,
            CheckInRepository checkIns,
            PulseRepository pulses,
            CheckIns sending,
            ClosingWeeks closing,
            PlaygroundCalendar calendar,
            PlaygroundTexts texts,
            PlaygroundProperties properties) {
        return new PlayingTheWeek(
                store,
                new MessageJson(),
                inbox,
                teams,
                checkIns,
                pulses,
                sending,
                closing,
                calendar,
                texts,
                properties.historyLimit());
    }

    @Bean
    PlaygroundStore playgroundStore(DataSource dataSource, Clock clock) {
        return new PlaygroundStore(JdbcClient.create(dataSource), clock);
    }

    @Bean
    PlaygroundGateway playgroundGateway(PlaygroundStore store) {
        return new PlaygroundGateway(store, new MessageJson());
    }

    @Bean
    LocalPeople playgroundPeople(PlaygroundStore store) {
        return new PlaygroundPeople(store);
    }

    @Bean
    PlaygroundTexts playgroundTexts() {
        return new PlaygroundTexts();
    }

    @Bean
    Playground playground(
            PlaygroundStore store,
            ChatInbox inbox,
            PlaygroundTexts texts,
            TeamRepository teams,
            TeamTriggers triggers,
            ObjectProvider<MessagePreview> previews,
            PlaygroundProperties properties) {
        return new Playground(
                store,
                new MessageJson(),
                inbox,
                texts,
                new ResettingDemo(teams, triggers),
                previews.orderedStream().toList(),
                properties.historyLimit());
    }

    /** Made-up past weeks for the demo team: only ever part of the playground, never of a deployment without it. */
    @Bean
    SimulatingWeeks simulatingWeeks(
            TeamRepository teams,
            MemberRepository members,
            AnswerRepository answers,
            PulseRepository pulses,
            NudgeLog nudgeLog,
            Pseudonymizer pseudonyms,
            ClosingWeeks closing,
            DigestNudges nudges,
            ChatGateways gateways,
            Clock clock) {
        return new SimulatingWeeks(
                teams, members, answers, pulses, nudgeLog, pseudonyms, closing, nudges, gateways, clock);
    }

    @Bean
    PlaygroundCoaching playgroundCoaching(
            TeamRepository teams, NudgingLeaders nudging, SimulatingWeeks simulating, Clock clock) {
        return new PlaygroundCoaching(teams, nudging, simulating, clock);
    }

    @Bean
    PlaygroundAddress playgroundAddress() {
        return new PlaygroundAddress();
    }

    @Bean
    WebMvcConfigurer playgroundPageFiles() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/playground/**")
                        .addResourceLocations(PlaygroundPageController.PAGE_LOCATION)
                        .setCacheControl(CacheControl.noCache());
            }
        };
    }
}
