package app.trustpulse.checkin;

import app.trustpulse.chat.ChatDeliveryException;
import app.trustpulse.chat.ChatGateways;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.chat.MessageRef;
import app.trustpulse.checkin.CheckIns.Respondent;
import app.trustpulse.pulse.Answer;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PersonalAnswers;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WeekId;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records answers from buttons and typed replies, under the person's pseudonym for the team and week, sealed. A person
 * may change an answer until the week closes; the latest counts. After each answer the check-in message is updated in
 * place to show what was recorded. Nothing else is written when someone answers — no check-in changes state — so no
 * row written at the same moment points at the person who answered.
 */
final class RecordingAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(RecordingAnswers.class);

    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final PersonalAnswers own;
    private final TypedReplyParser parser;
    private final CheckInMessages messages;
    private final ChatGateways gateways;
    private final Texts texts;
    private final Clock clock;
    private final PulseMetrics metrics;

    RecordingAnswers(
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            PersonalAnswers own,
            TypedReplyParser parser,
            CheckInMessages messages,
            ChatGateways gateways,
            Texts texts,
            Clock clock,
            PulseMetrics metrics) {
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.own = own;
        this.parser = parser;
        this.messages = messages;
        this.gateways = gateways;
        this.texts = texts;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * A score picked on a check-in; an empty score is "can't say". Returns a message for the respondent only when
     * something went wrong.
     */
    public Optional<ChatMessage> score(
            Respondent who,
            long checkInId,
            Dimension dimension,
            OptionalInt score,
            Optional<MessageRef> shownIn,
            Language fallback) {
        Optional<CheckIn> found = ownCheckIn(who, checkInId);
        if (found.isEmpty()) {
            return Optional.of(ChatMessage.text(texts.get(fallback, "answer.unknownCheckIn")));
        }
        CheckIn c = found.get();
        Team team = teams.find(c.teamId()).orElseThrow();
        Optional<ChatMessage> refusal = refusal(team, c, dimension, score);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<String> comment =
                own.of(team, who.userId(), c.week(), dimension).flatMap(Answer::comment);
        own.record(
                team,
                who.userId(),
                new Answer(
                        team.id(),
                        c.week(),
                        dimension,
                        own.pseudonym(team, who.userId(), c.week()),
                        c.audience(),
                        score,
                        comment,
                        counts(team, who.userId(), c.week())));
        metrics.answersRecorded(team.platform(), 1);
        refresh(team, c, who.userId(), shownIn);
        return Optional.empty();
    }

    /** A comment on an answered statement. */
    public ChatMessage comment(
            Respondent who,
            long checkInId,
            Dimension dimension,
            String text,
            Optional<MessageRef> shownIn,
            Language fallback) {
        Optional<CheckIn> found = ownCheckIn(who, checkInId);
        if (found.isEmpty()) {
            return ChatMessage.text(texts.get(fallback, "answer.unknownCheckIn"));
        }
        CheckIn c = found.get();
        Team team = teams.find(c.teamId()).orElseThrow();
        Language lang = team.language();
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "comment.empty"));
        }
        if (trimmed.length() > CheckInMessages.COMMENT_MAX) {
            return ChatMessage.text(texts.get(lang, "comment.tooLong", CheckInMessages.COMMENT_MAX));
        }
        Optional<Answer> answer = own.of(team, who.userId(), c.week(), dimension);
        if (answer.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "comment.scoreFirst"));
        }
        Optional<ChatMessage> refusal = refusal(team, c, dimension, answer.get().score());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Answer a = answer.get();
        own.record(
                team,
                who.userId(),
                new Answer(
                        a.teamId(),
                        a.week(),
                        a.dimension(),
                        own.pseudonym(team, who.userId(), c.week()),
                        a.respondent(),
                        a.score(),
                        Optional.of(trimmed),
                        a.counts()));
        refresh(team, c, who.userId(), shownIn);
        return ChatMessage.text(texts.get(lang, "comment.saved", team.threshold()));
    }

    /** A typed reply in the direct message. Nothing is stored unless all of it could be read. */
    public ChatMessage typed(Respondent who, String text, Language fallback) {
        List<Member> memberships = members.membershipsOf(who.platform(), who.workspaceId(), who.userId());
        Optional<Team> team = teamFor(who, memberships);
        Language lang = team.map(Team::language).orElse(fallback);
        TypedReply reply = parser.parse(
                text, team.map(t -> openStatements(t, who.userId())).orElse(List.of()));
        if (reply instanceof TypedReply.Unreadable unreadable) {
            return messages.unreadable(lang, unreadable);
        }
        if (memberships.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "answer.notInTeam"));
        }
        if (team.isEmpty()) {
            return ChatMessage.text(texts.get(lang, "answer.whichTeam"));
        }
        Team t = team.get();
        Member member = memberships.stream()
                .filter(m -> m.teamId() == t.id())
                .findFirst()
                .orElseThrow();
        if (member.optedOut()) {
            return ChatMessage.text(texts.get(lang, "answer.optedOut"));
        }
        WeekId week = WeekId.of(clock.instant(), t.timezone());
        if (pulses.isClosed(t.id(), week)) {
            return ChatMessage.text(texts.get(lang, "answer.weekClosed"));
        }
        String pseudonym = own.pseudonym(t, who.userId(), week);
        boolean counts = counts(t, who.userId(), week);
        Map<Dimension, OptionalInt> scores = ((TypedReply.Scores) reply).scores();
        List<Answer> before = own.of(t, who.userId(), week);
        for (Map.Entry<Dimension, OptionalInt> e : scores.entrySet()) {
            Optional<String> comment = before.stream()
                    .filter(a -> a.dimension() == e.getKey())
                    .findFirst()
                    .flatMap(Answer::comment);
            own.record(
                    t,
                    who.userId(),
                    new Answer(t.id(), week, e.getKey(), pseudonym, member.role(), e.getValue(), comment, counts));
        }
        metrics.answersRecorded(t.platform(), scores.size());
        for (CheckIn c : checkIns.ofUser(t.id(), who.userId(), week)) {
            if (c.dimensions().stream().anyMatch(scores::containsKey)) {
                refresh(t, c, who.userId(), Optional.empty());
            }
        }
        ZonedDateTime closes = t.schedule().nextClose(clock.instant(), t.timezone());
        return ChatMessage.text(texts.get(
                lang,
                "answer.typed.recorded",
                messages.recordedLine(t, new EnumMap<>(scores)),
                TextFormats.dayAndDate(lang, closes),
                TextFormats.time(closes.toLocalTime())));
    }

    private Optional<CheckIn> ownCheckIn(Respondent who, long checkInId) {
        return checkIns.find(checkInId)
                .filter(c -> c.userId().equals(who.userId()))
                .filter(c -> teams.find(c.teamId())
                        .filter(t -> t.platform() == who.platform()
                                && t.workspaceId().equals(who.workspaceId()))
                        .isPresent());
    }

    private Optional<ChatMessage> refusal(Team team, CheckIn c, Dimension dimension, OptionalInt score) {
        Language lang = team.language();
        if (!c.asks(dimension) || (score.isPresent() && !Answer.isValidScore(score.getAsInt()))) {
            return Optional.of(ChatMessage.text(texts.get(lang, "answer.notAsked")));
        }
        if (pulses.isClosed(team.id(), c.week())) {
            return Optional.of(ChatMessage.text(texts.get(lang, "answer.weekClosed")));
        }
        Optional<Member> member = members.find(team.id(), c.userId());
        if (member.isEmpty()) {
            return Optional.of(ChatMessage.text(texts.get(lang, "answer.notInTeam")));
        }
        if (member.get().optedOut()) {
            return Optional.of(ChatMessage.text(texts.get(lang, "answer.optedOut")));
        }
        return Optional.empty();
    }

    /** The statements of the person's latest check-in this week, in the order it shows them; empty without one. */
    private List<Dimension> openStatements(Team team, String userId) {
        return checkIns.ofUser(team.id(), userId, WeekId.of(clock.instant(), team.timezone())).stream()
                .filter(c -> c.sentAt().isPresent())
                .max(java.util.Comparator.comparing((CheckIn c) -> c.sentAt().get())
                        .thenComparingInt(CheckIn::slot))
                .map(CheckIn::dimensions)
                .orElse(List.of());
    }

    /** The team a typed reply is for: the one of the latest check-in, else the only team. */
    private Optional<Team> teamFor(Respondent who, List<Member> memberships) {
        if (memberships.isEmpty()) {
            return Optional.empty();
        }
        List<Long> ids = memberships.stream().map(Member::teamId).toList();
        Optional<CheckIn> latest =
                checkIns.recentOf(ids, who.userId(), 1).stream().findFirst();
        if (latest.isPresent()) {
            return teams.find(latest.get().teamId());
        }
        return memberships.size() == 1 ? teams.find(memberships.get(0).teamId()) : Optional.empty();
    }

    /** Someone added to the team this week counts towards the threshold from next week on (see {@link Answer}). */
    private boolean counts(Team team, String userId, WeekId week) {
        return members.countsTowardThreshold(
                team.id(), userId, week.monday().atStartOfDay(team.timezone()).toInstant());
    }

    /** Shows the person's own check-in again with what is recorded now, e.g. after they answered a question on it. */
    public void refresh(Respondent who, long checkInId, Optional<MessageRef> shownIn) {
        ownCheckIn(who, checkInId)
                .ifPresent(c -> teams.find(c.teamId()).ifPresent(team -> refresh(team, c, who.userId(), shownIn)));
    }

    /** Shows the check-in again with what is recorded now, in place. */
    private void refresh(Team team, CheckIn c, String userId, Optional<MessageRef> shownIn) {
        Optional<MessageRef> ref = shownIn.or(() -> c.messageRef().map(MessageRef::decode));
        if (ref.isEmpty()) {
            return;
        }
        Map<Dimension, OptionalInt> recorded = new EnumMap<>(Dimension.class);
        Set<Dimension> commented = EnumSet.noneOf(Dimension.class);
        for (Answer a : own.of(team, userId, c.week())) {
            if (c.asks(a.dimension())) {
                recorded.put(a.dimension(), a.score());
                if (a.comment().isPresent()) {
                    commented.add(a.dimension());
                }
            }
        }
        try {
            gateways.of(team.platform()).update(ref.get(), messages.checkIn(team, c, recorded, commented, true));
        } catch (ChatDeliveryException e) {
            // Which check-in is left out: its person just answered, and the log keeps the time. So is the platform's
            // message, which may quote the check-in with the answer it now shows.
            LOG.warn("a check-in message was not updated in place after an answer");
        }
    }
}
