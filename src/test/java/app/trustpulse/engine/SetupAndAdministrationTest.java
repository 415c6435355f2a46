package app.trustpulse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.chat.ChatMessage;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The admin commands' happy paths: what they answer, what they store, and what they plan in Quartz. */
class SetupAndAdministrationTest extends EngineTest {

    private static final Set<DayOfWeek> MON_WED_FRI =
            EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> TUE_THU = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

    @Test
    void setupMakesChannelMembersMembersAndTheNamedPersonLeaderWelcomesThemAndPlansTheTriggers() {
        Ws ws = new Ws().withChannelMembers(3, true);

        ChatMessage reply = ws.command(ws.admin, "setup <@UL>");

        assertThat(reply.summary())
                .isEqualTo(en(
                        "setup.done",
                        ws.channel,
                        3,
                        1,
                        TextFormats.days(Language.EN, MON_WED_FRI),
                        "09:30",
                        "Europe/Amsterdam",
                        TextFormats.day(Language.EN, DayOfWeek.FRIDAY),
                        "16:00"));
        Team team = ws.team();
        assertThat(team.language()).isEqualTo(Language.EN);
        assertThat(team.threshold()).isEqualTo(3);
        assertThat(team.timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
        assertThat(team.paused()).isFalse();
        Map<String, Role> roles =
                ws.members(team.id()).stream().collect(Collectors.toMap(Member::userId, Member::role));
        assertThat(roles)
                .containsOnly(
                        Map.entry("U1", Role.MEMBER),
                        Map.entry("U2", Role.MEMBER),
                        Map.entry("U3", Role.MEMBER),
                        Map.entry("UL", Role.LEADER));

        String memberWelcome = en(
                "welcome.member",
                TextFormats.days(Language.EN, MON_WED_FRI),
                "09:30",
                TextFormats.day(Language.EN, DayOfWeek.FRIDAY));
        for (int i = 1; i <= 3; i++) {
            assertThat(ws.directsTo(ws.member(i)))
                    .singleElement()
                    .satisfies(d ->
                            assertThat(lines(d.message())).containsExactly(memberWelcome, en("welcome.privacy", 3)));
        }
        assertThat(ws.directsTo(ws.leader))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary())
                        .isEqualTo(en(
                                "welcome.leader",
                                TextFormats.days(Language.EN, MON_WED_FRI),
                                "09:30",
                                TextFormats.day(Language.EN, DayOfWeek.FRIDAY))));
        assertThat(ws.directsTo(ws.admin)).isEmpty();
        assertThat(ws.posts())
                .as("only the setup's roster notice")
                .singleElement()
                .satisfies(p -> assertThat(p.message().summary())
                        .isEqualTo(en("roster.setup", app.trustpulse.chat.Mentions.person("UA", "Ada"), 4, 1)));

        String status = text(ws.command(ws.admin, "status"));
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        assertThat(status)
                .contains(en(
                        "status.next",
                        next(zone, MON_WED_FRI, LocalTime.of(9, 30)),
                        next(zone, EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0)),
                        next(zone, TUE_THU, LocalTime.of(10, 0))));
    }

    @Test
    void setupFromADirectMessageNamesTheChannelAndAddsALeaderWhoIsNotInIt() {
        Ws ws = new Ws().withChannelMembers(2, false);

        ChatMessage reply = ws.commandInDm(ws.admin, "setup <#" + ws.channel + "> <@UL>");

        assertThat(reply.summary())
                .startsWith(
                        en("setup.done", ws.channel, 2, 1, "", "", "", "", "").substring(0, 30));
        Map<String, Role> roles =
                ws.members(ws.team().id()).stream().collect(Collectors.toMap(Member::userId, Member::role));
        assertThat(roles)
                .containsOnly(Map.entry("U1", Role.MEMBER), Map.entry("U2", Role.MEMBER), Map.entry("UL", Role.LEADER));
        assertThat(ws.directsTo(ws.leader)).hasSize(1);
    }

    @Test
    void setupWithoutALeaderSaysHowToAddOne() {
        Ws ws = new Ws().withChannelMembers(2, false);

        ChatMessage reply = ws.command(ws.admin, "setup");

        assertThat(reply.summary())
                .isEqualTo(en(
                        "setup.done.noLeader",
                        ws.channel,
                        2,
                        0,
                        TextFormats.days(Language.EN, MON_WED_FRI),
                        "09:30",
                        "Europe/Amsterdam",
                        TextFormats.day(Language.EN, DayOfWeek.FRIDAY),
                        "16:00"));
        assertThat(ws.members(ws.team().id())).noneMatch(Member::isLeader);
    }

    @Test
    void aSecondSetupOfTheSameChannelChangesNothing() {
        Ws ws = new Ws().setUp(2);
        Team before = ws.team();

        ChatMessage reply = ws.command(ws.admin, "setup <@U1>");

        assertThat(reply.summary()).isEqualTo(en("setup.exists", ws.channel));
        assertThat(ws.team()).isEqualTo(before);
        assertThat(ws.membership(ws.member(1)).orElseThrow().role()).isEqualTo(Role.MEMBER);
        assertThat(ws.directs()).isEmpty();
    }

    @Test
    void leaderAndUnleaderChangeRolesAndANewLeaderIsWelcomed() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "leader <@U1>").summary()).isEqualTo(en("leader.done", "Alice"));
        assertThat(ws.membership(ws.member(1)).orElseThrow().role()).isEqualTo(Role.LEADER);
        assertThat(ws.command(ws.admin, "leader <@U1>").summary()).isEqualTo(en("leader.already", "Alice"));
        assertThat(ws.directsTo(ws.member(1)))
                .as("already a member: no second welcome")
                .isEmpty();

        assertThat(ws.command(ws.admin, "unleader <@U1>").summary()).isEqualTo(en("unleader.done", "Alice"));
        assertThat(ws.membership(ws.member(1)).orElseThrow().role()).isEqualTo(Role.MEMBER);
        assertThat(ws.command(ws.admin, "unleader <@U2>").summary()).isEqualTo(en("unleader.notLeader"));
        assertThat(ws.membership(ws.member(2)).orElseThrow().role()).isEqualTo(Role.MEMBER);

        assertThat(ws.command(ws.admin, "leader <@U9>").summary()).isEqualTo(en("leader.done", "U9"));
        assertThat(ws.membership(ws.outsider("U9")).orElseThrow().role()).isEqualTo(Role.LEADER);
        assertThat(ws.directsTo(ws.outsider("U9")))
                .singleElement()
                .satisfies(d -> assertThat(d.message().summary())
                        .startsWith(en("welcome.leader", "", "", "").substring(0, 40)));
    }

    @Test
    void addAndRemoveChangeMembershipBeyondTheChannel() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "add <@U7> <@U8> <@U1>").summary()).isEqualTo(en("add.done", 2, 1));
        assertThat(ws.membership(ws.outsider("U7")))
                .hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.MEMBER));
        assertThat(ws.membership(ws.outsider("U8"))).isPresent();
        assertThat(ws.directsTo(ws.outsider("U7"))).hasSize(1);
        assertThat(ws.directsTo(ws.outsider("U8"))).hasSize(1);
        assertThat(ws.directsTo(ws.member(1))).as("U1 was already in the team").isEmpty();

        assertThat(ws.command(ws.admin, "remove <@U7> <@U9>").summary()).isEqualTo(en("remove.done", 1, 1));
        assertThat(ws.membership(ws.outsider("U7"))).isEmpty();
        assertThat(ws.membership(ws.outsider("U8"))).isPresent();
        assertThat(ws.command(ws.admin, "remove <@U9>").summary()).isEqualTo(en("remove.none"));
        assertThat(ws.members(ws.team().id()))
                .extracting(Member::userId)
                .containsExactlyInAnyOrder("U1", "U2", "U8", "UL");
    }

    @Test
    void scheduleChangesTheTeamsDaysAndTimesAndReplansItsTriggers() {
        Ws ws = new Ws().setUp(2);
        ZoneId zone = ws.team().timezone();

        assertThat(ws.command(ws.admin, "schedule checkins tue,thu 10:15").summary())
                .isEqualTo(en("schedule.checkins.done", TextFormats.days(Language.EN, TUE_THU), "10:15"));
        assertThat(ws.command(ws.admin, "schedule summary thu 17:00").summary())
                .isEqualTo(en("schedule.summary.done", TextFormats.day(Language.EN, DayOfWeek.THURSDAY), "17:00"));
        Set<DayOfWeek> monToWed = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY);
        assertThat(ws.command(ws.admin, "schedule nudges mon-wed 11:00").summary())
                .isEqualTo(en("schedule.nudges.done", TextFormats.days(Language.EN, monToWed), "11:00"));

        Team team = ws.team();
        assertThat(team.schedule().checkInDays()).containsExactlyElementsOf(TUE_THU);
        assertThat(team.schedule().checkInTime()).isEqualTo(LocalTime.of(10, 15));
        assertThat(team.schedule().summaryDay()).isEqualTo(DayOfWeek.THURSDAY);
        assertThat(team.schedule().summaryTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(team.schedule().nudgeDays()).containsExactlyElementsOf(monToWed);
        assertThat(team.schedule().nudgeTime()).isEqualTo(LocalTime.of(11, 0));

        String status = text(ws.command(ws.admin, "status"));
        assertThat(status)
                .contains(en(
                        "status.checkins",
                        TextFormats.days(Language.EN, TUE_THU),
                        "10:15",
                        en("status.reminder", "4 hours")));
        assertThat(status).contains(en("status.summary", TextFormats.day(Language.EN, DayOfWeek.THURSDAY), "17:00"));
        assertThat(status)
                .contains(en(
                        "status.next",
                        next(zone, TUE_THU, LocalTime.of(10, 15)),
                        next(zone, EnumSet.of(DayOfWeek.THURSDAY), LocalTime.of(17, 0)),
                        next(zone, monToWed, LocalTime.of(11, 0))));
    }

    @Test
    void reminderCanBeTurnedOffAndSetAgain() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "reminder off").summary()).isEqualTo(en("reminder.off"));
        assertThat(ws.team().schedule().reminderDelay()).isEmpty();
        assertThat(text(ws.command(ws.admin, "status")))
                .contains(en(
                        "status.checkins",
                        TextFormats.days(Language.EN, MON_WED_FRI),
                        "09:30",
                        en("status.reminder.off")));

        assertThat(ws.command(ws.admin, "reminder 4h").summary()).isEqualTo(en("reminder.done", "4 hours"));
        assertThat(ws.team().schedule().reminderDelay()).contains(Duration.ofHours(4));
        assertThat(ws.command(ws.admin, "reminder 1h30m").summary())
                .isEqualTo(en("reminder.done", "1 hour and 30 minutes"));
        assertThat(ws.team().schedule().reminderDelay()).contains(Duration.ofMinutes(90));
    }

    @Test
    void timezoneMovesTheScheduleToTheNewZone() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "timezone America/New_York").summary())
                .isEqualTo(en("timezone.done", "America/New_York"));

        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(ws.team().timezone()).isEqualTo(ny);
        String status = text(ws.command(ws.admin, "status"));
        assertThat(status).contains(en("status.settings", "America/New_York", "English", 3));
        assertThat(status)
                .contains(en(
                        "status.next",
                        next(ny, MON_WED_FRI, LocalTime.of(9, 30)),
                        next(ny, EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(16, 0)),
                        next(ny, TUE_THU, LocalTime.of(10, 0))));
    }

    @Test
    void afterLanguageNlTheBotAnswersInDutch() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "language nl").summary()).isEqualTo(nl("language.done"));

        assertThat(ws.team().language()).isEqualTo(Language.NL);
        assertThat(ws.command(ws.admin, "status").summary()).isEqualTo(nl("status.title", ws.channel));
        assertThat(ws.command(ws.member(1), "help").summary()).isEqualTo(nl("help.title"));
        assertThat(ws.command(ws.member(1), "optout").summary()).isEqualTo(nl("optout.done", ws.channel));
        assertThat(ws.dm(ws.member(2), "vrijheid 4").summary())
                .isEqualTo(nl(
                        "answer.typed.recorded", nl("dimension.FREEDOM.name") + " 4", ws.closes(Language.NL), "16:00"));
        assertThat(ws.command(ws.member(1), "threshold 5").summary()).isEqualTo(nl("refused.admin", "threshold"));

        assertThat(ws.command(ws.admin, "language en").summary()).isEqualTo(en("language.done"));
        assertThat(ws.team().language()).isEqualTo(Language.EN);
    }

    @Test
    void aDutchTeamsStatusSpeaksOnlyDutch() {
        Ws ws = new Ws().setUp(2);
        ws.command(ws.admin, "language nl");

        String status = text(ws.command(ws.admin, "status"));
        assertThat(status).contains(nl("status.checkins", "ma, wo, vr", "09:30", nl("status.reminder", "4 uur")));
        assertThat(status).contains(nl("status.summary", "vrijdag", "16:00"));
        assertThat(status).contains(nl("status.settings", "Europe/Amsterdam", "Nederlands", 3));
        assertThat(status).doesNotContainPattern("\\b(mon|wed|fri|off|4h|en)\\b");

        assertThat(ws.command(ws.admin, "reminder 1u30").summary())
                .isEqualTo(nl("reminder.done", "1 uur en 30 minuten"));
        assertThat(ws.command(ws.admin, "reminder uit").summary()).isEqualTo(nl("reminder.off"));
        assertThat(text(ws.command(ws.admin, "status"))).contains(nl("status.reminder.off"));
    }

    @Test
    void thresholdRaisesTheAnonymityThreshold() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.admin, "threshold 5").summary()).isEqualTo(en("threshold.done", 5));

        assertThat(ws.team().threshold()).isEqualTo(5);
        assertThat(text(ws.command(ws.admin, "status")))
                .contains(en("status.settings", "Europe/Amsterdam", "English", 5));
    }

    @Test
    void pauseStopsSendNowAndResumeBringsItBack() {
        Ws ws = new Ws().setUp(2);

        assertThat(ws.command(ws.leader, "pause").summary()).isEqualTo(en("pause.done"));
        assertThat(ws.team().paused()).isTrue();
        assertThat(ws.command(ws.admin, "pause").summary()).isEqualTo(en("pause.already"));

        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.paused"));
        assertThat(ws.directs()).isEmpty();
        assertThat(checkIns.ofWeek(ws.team().id(), ws.week())).isEmpty();
        ChatMessage status = ws.command(ws.admin, "status");
        assertThat(status.summary()).isEqualTo(en("status.title.paused", ws.channel));
        assertThat(text(status)).doesNotContain(en("status.next", "", "", "").substring(0, 6));

        assertThat(ws.command(ws.admin, "resume").summary()).isEqualTo(en("resume.done"));
        assertThat(ws.team().paused()).isFalse();
        assertThat(ws.command(ws.leader, "resume").summary()).isEqualTo(en("resume.already"));
        assertThat(ws.command(ws.admin, "send-now").summary()).isEqualTo(en("sendNow.done", 3, 0));
        assertThat(ws.checkInsTo(ws.member(1))).hasSize(1);
    }

    /** The next run as status shows it: the first of the days at the time, after now, in the zone. */
    private String next(ZoneId zone, Set<DayOfWeek> days, LocalTime time) {
        ZonedDateTime now = clock.instant().atZone(zone);
        for (int i = 0; i <= 7; i++) {
            LocalDate date = now.toLocalDate().plusDays(i);
            ZonedDateTime at = date.atTime(time).atZone(zone);
            if (days.contains(date.getDayOfWeek()) && at.isAfter(now)) {
                return at.format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                        .withLocale(Language.EN.locale()));
            }
        }
        throw new AssertionError("no next run");
    }
}
