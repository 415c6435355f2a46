package app.trustpulse.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.Application;
import app.trustpulse.Slow;
import app.trustpulse.chat.ChatGateway;
import app.trustpulse.checkin.CheckIns;
import app.trustpulse.command.CommandContext;
import app.trustpulse.command.RunningCommands;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.summary.ClosingWeeks;
import app.trustpulse.support.TestDatabases;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two application instances on one PostgreSQL database, as in a multi-instance deployment: the clustered
 * scheduler fires each trigger on one of them, and the use cases claim their work in the database, so every
 * check-in and every week close happens exactly once.
 */
@Slow
class TwoInstancesTest {

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @Configuration(proxyBeanMethods = false)
    static class FirstPlatform {
        @Bean
        ChatGateway recordingGateway() {
            return new RecordingGateway("first");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondPlatform {
        @Bean
        ChatGateway recordingGateway() {
            return new RecordingGateway("second");
        }
    }

    @BeforeAll
    static void startTwoInstances() {
        String url = TestDatabases.postgresUrl();
        first = start(FirstPlatform.class, url);
        second = start(SecondPlatform.class, url);
    }

    private static ConfigurableApplicationContext start(Class<?> platform, String url) {
        // Command-line arguments, because builder properties rank below application.yml.
        return new SpringApplicationBuilder(Application.class, platform)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--server.port=0",
                        "--pulse.playground.enabled=false",
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=2000");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /** A zone where it is now working hours with room to spare, so the schedule can fire in a minute or two. */
    private static ZoneId zoneInWorkingHours() {
        for (String id : List.of(
                "Europe/Amsterdam",
                "America/New_York",
                "America/Los_Angeles",
                "Asia/Tokyo",
                "Asia/Kolkata",
                "Pacific/Auckland",
                "America/Sao_Paulo",
                "Asia/Dubai",
                "Europe/London",
                "Australia/Sydney",
                "Pacific/Honolulu",
                "Asia/Singapore",
                "Atlantic/Azores",
                "America/Anchorage")) {
            ZonedDateTime now = ZonedDateTime.now(ZoneId.of(id));
            if (now.getHour() >= 9 && now.getHour() <= 16) {
                return ZoneId.of(id);
            }
        }
        throw new IllegalStateException("no zone in working hours");
    }

    private static String run(ConfigurableApplicationContext app, String text) {
        CommandContext admin =
                new CommandContext(Platform.PLAYGROUND, "cluster", "admin", "Admin", true, Optional.of("team-channel"));
        return app.getBean(RunningCommands.class).run(admin, text).summary();
    }

    private static String day(ZonedDateTime t) {
        return t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    @Test
    void eachCheckInAndEachWeekCloseHappensOnceAcrossInstances() throws Exception {
        RecordingGateway.roster = List.of(
                RecordingGateway.user("lea"),
                RecordingGateway.user("m1"),
                RecordingGateway.user("m2"),
                RecordingGateway.user("m3"),
                RecordingGateway.user("m4"));
        assertThat(run(first, "setup <@lea>")).contains("Pulse team set up");
        ZoneId zone = zoneInWorkingHours();
        assertThat(run(second, "timezone " + zone.getId())).contains(zone.getId());
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDateTime at = now.toLocalDateTime().plusMinutes(now.getSecond() > 40 ? 2 : 1);
        String time = String.format("%02d:%02d", at.getHour(), at.getMinute());
        String tomorrow = day(now.plusDays(1));
        assertThat(run(first, "schedule checkins " + day(now) + "," + tomorrow + " " + time))
                .contains(time);
        assertThat(run(
                        second,
                        "schedule summary " + day(now) + " "
                                + String.format(
                                        "%02d:%02d", at.getHour(), at.getMinute() + 1 > 59 ? 59 : at.getMinute() + 1)))
                .isNotBlank();

        // The scheduled round fires once, on whichever instance holds the trigger.
        waitFor(() -> checkIns().size() >= 5, Duration.ofSeconds(150));
        // Then both instances are asked to send the next check-in at the same moment.
        CompletableFuture<CheckIns.Round> a = CompletableFuture.supplyAsync(() -> sendNow(first));
        CompletableFuture<CheckIns.Round> b = CompletableFuture.supplyAsync(() -> sendNow(second));
        assertThat(a.get().sent() + b.get().sent()).isEqualTo(5);
        waitFor(() -> RecordingGateway.SENT.stream().anyMatch(RecordingGateway.Sent::isPulse), Duration.ofSeconds(150));
        // And both close the week at once, after the scheduler may already have.
        CompletableFuture<ClosingWeeks.Outcome> c1 = CompletableFuture.supplyAsync(() -> closeNow(first));
        CompletableFuture<ClosingWeeks.Outcome> c2 = CompletableFuture.supplyAsync(() -> closeNow(second));
        List.of(c1.get(), c2.get()).forEach(o -> assertThat(o).isEqualTo(ClosingWeeks.Outcome.ALREADY_CLOSED));
        Thread.sleep(3000);

        Map<String, Long> perPerson =
                checkIns().stream().collect(Collectors.groupingBy(RecordingGateway.Sent::to, Collectors.counting()));
        assertThat(perPerson).containsOnlyKeys("lea", "m1", "m2", "m3", "m4");
        assertThat(perPerson.values()).allMatch(n -> n == 2);
        assertThat(RecordingGateway.SENT.stream().filter(RecordingGateway.Sent::isPulse))
                .hasSize(1);
        assertThat(RecordingGateway.SENT.stream().filter(s -> s.channel() && !s.isPulse()))
                .as("the setup's roster notice, once across instances")
                .singleElement()
                .satisfies(s -> assertThat(s.message().summary()).contains("set up the pulse for 5 people"));
        assertThat(RecordingGateway.SENT.stream()
                        .filter(s -> !s.channel()
                                && s.to().equals("lea")
                                && s.message().summary().startsWith("Your weekly digest")))
                .hasSize(1);
        JdbcClient db = first.getBean(JdbcClient.class);
        assertThat(db.sql("SELECT COUNT(*) FROM check_in").query(Long.class).single())
                .isEqualTo(10L);
        assertThat(db.sql("SELECT COUNT(*) FROM weekly_pulse").query(Long.class).single())
                .isEqualTo(1L);
    }

    private static CheckIns.Round sendNow(ConfigurableApplicationContext app) {
        return app.getBean(CheckIns.class).sendNow(team(app).id());
    }

    private static ClosingWeeks.Outcome closeNow(ConfigurableApplicationContext app) {
        return app.getBean(ClosingWeeks.class).closeNow(team(app).id());
    }

    private static Team team(ConfigurableApplicationContext app) {
        return app.getBean(TeamRepository.class)
                .findByChannel(Platform.PLAYGROUND, "cluster", "team-channel")
                .orElseThrow();
    }

    private static List<RecordingGateway.Sent> checkIns() {
        return RecordingGateway.SENT.stream()
                .filter(RecordingGateway.Sent::isCheckIn)
                .toList();
    }

    /** Who sent what to whom, enough to tell a welcome from a check-in when a wait fails. */
    private static String described(RecordingGateway.Sent sent) {
        String summary = sent.message().summary();
        return sent.instance() + "->" + sent.to() + (sent.isCheckIn() ? " (check-in)" : "") + ": "
                + summary.substring(0, Math.min(40, summary.length()));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + max + "; sent: "
                        + RecordingGateway.SENT.stream()
                                .map(TwoInstancesTest::described)
                                .toList());
            }
            Thread.sleep(250);
        }
    }
}
