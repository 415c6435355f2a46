package app.trustpulse.command;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.Mentions;
import app.trustpulse.nudge.NudgingLeaders;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.AnswerRepository;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.OpenWeekParticipation;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamSchedule;
import app.trustpulse.pulse.TeamTriggers;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** "status": the team's settings, next runs and this week's participation (never scores; counts once closed). */
final class TeamStatus {

    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final AnswerRepository answers;
    private final PulseRepository pulses;
    private final TeamTriggers triggers;
    private final NudgingLeaders nudging;
    private final Texts texts;
    private final Clock clock;

    TeamStatus(
            MemberRepository members,
            CheckInRepository checkIns,
            AnswerRepository answers,
            PulseRepository pulses,
            TeamTriggers triggers,
            NudgingLeaders nudging,
            Texts texts,
            Clock clock) {
        this.members = members;
        this.checkIns = checkIns;
        this.answers = answers;
        this.pulses = pulses;
        this.triggers = triggers;
        this.nudging = nudging;
        this.texts = texts;
        this.clock = clock;
    }

    ChatMessage status(Team team, Optional<Member> asker) {
        Language lang = team.language();
        TeamSchedule s = team.schedule();
        List<Member> people = members.ofTeam(team.id());
        List<String> lines = new ArrayList<>();
        String title = texts.get(lang, team.paused() ? "status.title.paused" : "status.title", team.name());
        long optedOut = people.stream().filter(Member::optedOut).count();
        String leaders = people.stream()
                .filter(Member::isLeader)
                .map(Member::displayName)
                .collect(Collectors.joining(", "));
        lines.add(texts.get(
                lang,
                "status.people",
                people.stream().filter(m -> !m.isLeader()).count(),
                optedOut,
                leaders.isEmpty() ? texts.get(lang, "status.noLeader") : leaders));
        newcomers(team, lang).ifPresent(lines::add);
        lines.add(texts.get(
                lang,
                "status.checkins",
                TextFormats.days(lang, s.checkInDays()),
                TextFormats.time(s.checkInTime()),
                s.reminderDelay()
                        .map(d -> texts.get(lang, "status.reminder", texts.duration(lang, d)))
                        .orElse(texts.get(lang, "status.reminder.off"))));
        lines.add(texts.get(
                lang, "status.summary", TextFormats.day(lang, s.summaryDay()), TextFormats.time(s.summaryTime())));
        lines.add(texts.get(
                lang,
                "status.nudges",
                s.nudgeDays().isEmpty() ? "—" : TextFormats.days(lang, s.nudgeDays()),
                TextFormats.time(s.nudgeTime())));
        lines.add(texts.get(
                lang,
                "status.settings",
                team.timezone().getId(),
                texts.get(lang, "language.name." + lang.name()),
                team.threshold()));
        TeamTriggers.NextRuns next = triggers.nextRuns(team.id());
        if (!team.paused()) {
            lines.add(texts.get(
                    lang,
                    "status.next",
                    when(team, next.checkIn()),
                    when(team, next.summary()),
                    when(team, next.nudges())));
        }
        lines.add(participation(team, lang));
        asker.filter(Member::isLeader).ifPresent(leader -> {
            NudgingLeaders.Stats st = nudging.stats(team, leader);
            String freq = leader.nudgesPaused()
                    ? texts.get(lang, "status.leader.paused")
                    : texts.get(lang, st.reduced() ? "status.leader.reduced" : "status.leader.perWeek", st.perWeek());
            lines.add(texts.get(lang, "status.leader", st.sent(), st.tried(), freq));
        });
        return new ChatMessage(title, List.of(new Block.Header(title), new Block.Text(String.join("\n", lines))));
    }

    /** Members who joined this week (team timezone), and the week from which they count towards the pulse. */
    private Optional<String> newcomers(Team team, Language lang) {
        WeekId week = WeekId.of(clock.instant(), team.timezone());
        List<String> names =
                members
                        .joinedSince(
                                team.id(),
                                week.monday().atStartOfDay(team.timezone()).toInstant())
                        .stream()
                        .filter(m -> !m.isLeader())
                        .map(m -> Mentions.person(m.userId(), m.displayName()))
                        .toList();
        return names.isEmpty()
                ? Optional.empty()
                : Optional.of(texts.get(
                        lang,
                        "status.newcomers",
                        String.join(", ", names),
                        week.plus(1).week()));
    }

    /** Exact numbers only for closed weeks; while the week is open, a band (see {@link OpenWeekParticipation}). */
    private String participation(Team team, Language lang) {
        WeekId week = WeekId.of(clock.instant(), team.timezone());
        Optional<WeeklyPulse> closed = pulses.find(team.id(), week);
        if (closed.isPresent()) {
            return texts.get(
                    lang,
                    "status.participation",
                    closed.get().answered(),
                    closed.get().asked());
        }
        long answered = answers.ofWeek(team.id(), week).stream()
                .filter(a -> a.respondent() == Role.MEMBER && a.counts())
                .map(Answer::pseudonym)
                .distinct()
                .count();
        int asked = checkIns.countAsked(team.id(), week, Role.MEMBER);
        String band = texts.get(
                lang,
                "status.participation.open."
                        + OpenWeekParticipation.of(answered, asked, team.threshold())
                                .name(),
                team.threshold());
        return pulses.find(team.id(), week.minus(1))
                .map(last -> band + "\n" + texts.get(lang, "status.participation.last", last.answered(), last.asked()))
                .orElse(band);
    }

    private String when(Team team, Optional<Instant> at) {
        return at.map(i -> i.atZone(team.timezone())
                        .format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                                .withLocale(team.language().locale())))
                .orElse("—");
    }
}
