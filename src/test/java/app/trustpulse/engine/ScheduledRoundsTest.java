package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.checkin.CheckIns;
import app.trustpulse.inbound.Sender;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.summary.ClosingWeeks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the Quartz triggers run, called as the jobs call them, on the real clock: a check-in round, week close
 * or nudge round missed on an earlier local day does nothing, one of the same local day does its work (check-ins
 * and the close once), and the one reminder goes only to those who have not answered.
 */
class ScheduledRoundsTest extends EngineTest {

    /** Zones an hour or two apart around the world; one of them is always in the middle of its working day. */
    private static final List<String> ZONES = List.of(
            "Pacific/Honolulu",
            "America/Anchorage",
            "America/Los_Angeles",
            "America/Denver",
            "America/Chicago",
            "America/New_York",
            "America/Sao_Paulo",
            "Atlantic/Azores",
            "Europe/London",
            "Europe/Amsterdam",
            "Europe/Athens",
            "Europe/Moscow",
            "Asia/Dubai",
            "Asia/Karachi",
            "Asia/Dhaka",
            "Asia/Bangkok",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Brisbane",
            "Pacific/Noumea",
            "Pacific/Auckland",
            "Pacific/Tongatapu",
            "Pacific/Kiritimati");

    @Autowired
    CheckIns rounds;

    @Autowired
    ClosingWeeks closing;

    @Autowired
    NudgingLeaders nudging;

    @Test
    void aCheckInRoundMissedOnAnEarlierDayIsSkipped() {
        Ws ws = teamWorkingNow();
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));

        CheckIns.Round round = rounds.scheduledRound(ws.team().id(), yesterday);

        assertThat(round.skippedBecause()).isPresent();
        assertThat(round.sent()).isZero();
        assertThat(ws.directs()).isEmpty();
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week())).isEmpty();
    }

    @Test
    void aCheckInRoundOfTheSameDaySendsEveryoneOneCheckInOnce() {
        Ws ws = teamWorkingNow();
        Instant minutesAgo = clock.instant().minus(Duration.ofMinutes(5));

        CheckIns.Round round = rounds.scheduledRound(ws.team().id(), minutesAgo);

        assertThat(round.skippedBecause()).isEmpty();
        assertThat(round.sent()).isEqualTo(4);
        for (Sender s : ws.everyone()) {
            assertThat(ws.checkInsTo(s))
                    .as(s.userId())
                    .singleElement()
                    .satisfies(d -> assertThat(scales(d.message()))
                            .as("one check-in day: three statements")
                            .hasSize(3));
        }

        CheckIns.Round again = rounds.scheduledRound(ws.team().id(), minutesAgo);

        assertThat(again.sent()).isZero();
        assertThat(again.alreadySent()).isEqualTo(4);
        assertThat(ws.directs()).hasSize(4);
    }

    @Test
    void aRoundStoresEveryonesCheckInBeforeTheFirstGoesOut() {
        Ws ws = teamWorkingNow();
        List<Integer> storedAtEachSend = new java.util.concurrent.CopyOnWriteArrayList<>();
        gateway.beforeEachDirect(
                ws.id,
                to -> storedAtEachSend.add(
                        checkIns.ofWeek(ws.team().id(), ws.week()).size()));

        CheckIns.Round round =
                rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));

        assertThat(round.sent()).isEqualTo(4);
        assertThat(storedAtEachSend).containsExactly(4, 4, 4, 4);
    }

    @Test
    void aPausedTeamsRoundSendsNothing() {
        Ws ws = teamWorkingNow();
        ws.command(ws.admin, "pause");

        CheckIns.Round round =
                rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));

        assertThat(round.skippedBecause()).isPresent();
        assertThat(ws.directs()).isEmpty();
    }

    @Test
    void aWeekCloseMissedOnAnEarlierDayIsSkippedAndOneOfTheSameDayPostsOnce() {
        Ws ws = teamWorkingNow();
        rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));
        ws.dm(ws.member(1), "4 3 5 2 4 5");
        ws.clear();
        long teamId = ws.team().id();

        assertThat(closing.scheduledClose(teamId, clock.instant().minus(Duration.ofDays(1))))
                .isEqualTo(ClosingWeeks.Outcome.SKIPPED);

        assertThat(ws.posts()).isEmpty();
        assertThat(ws.directs()).isEmpty();
        assertThat(pulses.isClosed(teamId, ws.week())).isFalse();

        Instant minutesAgo = clock.instant().minus(Duration.ofMinutes(5));
        assertThat(closing.scheduledClose(teamId, minutesAgo)).isEqualTo(ClosingWeeks.Outcome.CLOSED);

        assertThat(ws.posts())
                .singleElement()
                .satisfies(p -> assertThat(p.message().summary())
                        .isEqualTo(
                                en("pulse.header", ws.week().week(), ws.week().year())));
        assertThat(ws.digests()).hasSize(1);
        assertThat(pulses.isClosed(teamId, ws.week())).isTrue();
        int sent = ws.directs().size();

        assertThat(closing.scheduledClose(teamId, minutesAgo)).isEqualTo(ClosingWeeks.Outcome.ALREADY_CLOSED);
        assertThat(ws.posts()).hasSize(1);
        assertThat(ws.directs()).hasSize(sent);
    }

    @Test
    void aNudgeRoundMissedOnAnEarlierDayIsSkippedAndOneOfTheSameDayNudgesTheLeader() {
        Ws ws = teamWorkingNow();
        long teamId = ws.team().id();

        assertThat(nudging.scheduledRound(teamId, clock.instant().minus(Duration.ofDays(1))))
                .isZero();
        assertThat(ws.directs()).isEmpty();

        assertThat(nudging.scheduledRound(teamId, clock.instant().minus(Duration.ofMinutes(5))))
                .isEqualTo(1);
        assertThat(ws.directs()).singleElement().satisfies(d -> {
            assertThat(d.to().userId()).isEqualTo("UL");
            assertThat(d.message().summary()).isEqualTo(en("midweek.intro"));
        });
    }

    @Test
    void theReminderGoesOnceAndOnlyToThoseWhoHaveNotAnswered() {
        Ws ws = teamWorkingNow();
        rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));
        RecordingGateway.Direct checkIn = ws.checkInsTo(ws.member(1)).get(0);
        ws.click(ws.member(1), scales(checkIn.message()).get(0).actionPrefix() + "4", checkIn.ref());
        ws.clear();

        assertThat(rounds.remind(ws.team().id(), ws.week(), 0)).isEqualTo(new CheckIns.ReminderRound(3, 0, 0));

        String reminder = en(
                "reminder.text",
                ws.closes(Language.EN),
                TextFormats.time(ws.team().schedule().summaryTime()));
        assertThat(ws.directsTo(ws.member(1))).isEmpty();
        for (Sender s : List.of(ws.member(2), ws.member(3), ws.leader)) {
            assertThat(ws.directsTo(s))
                    .as(s.userId())
                    .singleElement()
                    .satisfies(d -> assertThat(d.message().summary()).isEqualTo(reminder));
        }

        assertThat(rounds.remind(ws.team().id(), ws.week(), 0)).isEqualTo(new CheckIns.ReminderRound(0, 0, 0));
        assertThat(ws.directs()).hasSize(3);
    }

    @Test
    void aReminderThatCouldNotBeDeliveredGoesOutWhenTheRoundRunsAgainAndNobodyGetsTwo() {
        Ws ws = teamWorkingNow();
        rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));
        ws.clear();
        Sender away = ws.member(2);
        gateway.unreachable(ws.id, away.userId());

        assertThat(rounds.remind(ws.team().id(), ws.week(), 0)).isEqualTo(new CheckIns.ReminderRound(3, 0, 1));
        gateway.reachable(ws.id, away.userId());
        assertThat(rounds.remind(ws.team().id(), ws.week(), 0)).isEqualTo(new CheckIns.ReminderRound(1, 0, 0));
        assertThat(rounds.remind(ws.team().id(), ws.week(), 0)).isEqualTo(new CheckIns.ReminderRound(0, 0, 0));

        for (Sender s : List.of(ws.member(1), ws.member(2), ws.member(3), ws.leader)) {
            assertThat(ws.directsTo(s)).as(s.userId()).hasSize(1);
        }
        List<RecordingGateway.Tagged> tries = gateway.taggedTo(ws.id, away.userId());
        assertThat(tries).hasSize(2);
        assertThat(tries.get(1).delivery().id())
                .as("the retry carries the first try's delivery id")
                .isEqualTo(tries.get(0).delivery().id());
        assertThat(tries.get(1).delivery().mayHaveLanded()).isTrue();
    }

    @Test
    void aReminderClaimLeftByADeadSenderWaitsForTheClaimTimeoutAndIsThenSentWithItsDeliveryId() {
        Ws ws = teamWorkingNow();
        rounds.scheduledRound(ws.team().id(), clock.instant().minus(Duration.ofMinutes(5)));
        ws.clear();
        long held = checkIns.ofUser(ws.team().id(), ws.member(1).userId(), ws.week())
                .get(0)
                .id();
        long dead = checkIns.ofUser(ws.team().id(), ws.member(2).userId(), ws.week())
                .get(0)
                .id();
        Instant now = clock.instant();
        String fresh = checkIns.claimReminder(held, now, now).orElseThrow().deliveryId();
        Instant longAgo = now.minus(Duration.ofHours(1));
        String lost =
                checkIns.claimReminder(dead, longAgo, longAgo).orElseThrow().deliveryId();

        assertThat(rounds.remind(ws.team().id(), ws.week(), 0))
                .as("member 1's claim is fresh: still in flight")
                .isEqualTo(new CheckIns.ReminderRound(3, 1, 0));

        assertThat(ws.directsTo(ws.member(1))).isEmpty();
        assertThat(gateway.taggedTo(ws.id, ws.member(2).userId()))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.delivery().id()).isEqualTo(lost);
                    assertThat(t.delivery().mayHaveLanded()).isTrue();
                });
        assertThat(fresh).isNotEqualTo(lost);
    }

    /**
     * A team of three members and a leader whose timezone is one where it is now well inside the working day,
     * with check-ins, week close and nudges on today's weekday at 08:00 (already past, so Quartz will not fire
     * them during the test).
     */
    private Ws teamWorkingNow() {
        ZoneId zone = zoneInTheMiddleOfItsDay();
        Ws ws = new Ws().setUp(3);
        String today = clock.instant()
                .atZone(zone)
                .getDayOfWeek()
                .getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                .toLowerCase(Locale.ROOT);
        ws.command(ws.admin, "timezone " + zone.getId());
        ws.command(ws.admin, "schedule checkins " + today + " 08:00");
        ws.command(ws.admin, "schedule summary " + today + " 08:00");
        ws.command(ws.admin, "schedule nudges " + today + " 08:00");
        assertThat(ws.team().timezone()).isEqualTo(zone);
        assertThat(ws.team().schedule().checkInDays())
                .containsExactly(clock.instant().atZone(zone).getDayOfWeek());
        ws.clear();
        return ws;
    }

    /** A zone where it is now between 10:30 and 15:30: inside 08:00–18:00, and clear of the default trigger times. */
    private ZoneId zoneInTheMiddleOfItsDay() {
        Instant now = clock.instant();
        for (String id : ZONES) {
            ZonedDateTime local = now.atZone(ZoneId.of(id));
            LocalTime t = local.toLocalTime();
            if (t.isAfter(LocalTime.of(10, 30)) && t.isBefore(LocalTime.of(15, 30))) {
                return ZoneId.of(id);
            }
        }
        throw new AssertionError("no zone in the middle of its working day at " + now);
    }
}
