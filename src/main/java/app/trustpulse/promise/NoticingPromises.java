package app.trustpulse.promise;

import app.trustpulse.chat.Block;
import app.trustpulse.pulse.CheckIn;
import app.trustpulse.pulse.CheckInRepository;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.Once;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.Pseudonymizer;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Role;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TeamRepository;
import app.trustpulse.pulse.WeekId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Did you notice the leader doing this?": the optional question a member's first check-in of the week carries about
 * each promise that is due, the answers (under the member's week pseudonym, sealed, never who), and their counting once
 * the week has closed. Counting turns the week's answers into one {@link Tally} per promise and destroys them, so what
 * stays is counts only, and no count below the team's threshold.
 */
public final class NoticingPromises implements PromiseQuestions {

    /** Why an answer was not recorded; each is a message key. */
    public enum Refusal {
        UNKNOWN_CHECK_IN("answer.unknownCheckIn"),
        NOT_ASKED("promise.answer.notAsked"),
        WEEK_CLOSED("answer.weekClosed"),
        OPTED_OUT("answer.optedOut");

        private final String key;

        Refusal(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private static final int TEN_YEARS_OF_WEEKS = 522;

    private final PromiseRepository promises;
    private final TeamRepository teams;
    private final MemberRepository members;
    private final CheckInRepository checkIns;
    private final PulseRepository pulses;
    private final Pseudonymizer pseudonyms;
    private final PromiseTexts texts;

    NoticingPromises(
            PromiseRepository promises,
            TeamRepository teams,
            MemberRepository members,
            CheckInRepository checkIns,
            PulseRepository pulses,
            Pseudonymizer pseudonyms,
            PromiseTexts texts) {
        this.promises = promises;
        this.teams = teams;
        this.members = members;
        this.checkIns = checkIns;
        this.pulses = pulses;
        this.pseudonyms = pseudonyms;
        this.texts = texts;
    }

    /** The promises a member's check-in asks about: only the first check-in of a member's week, and only while open. */
    public List<Promise> askedIn(Team team, CheckIn checkIn) {
        if (checkIn.audience() != Role.MEMBER || checkIn.slot() != 0) {
            return List.of();
        }
        return led(team, checkIn.week()).stream()
                .map(LedPromise::promise)
                .filter(p -> !p.leaderId().equals(checkIn.userId()))
                .toList();
    }

    @Override
    public List<Block> forCheckIn(Team team, CheckIn checkIn, boolean open) {
        return questions(team, checkIn, open, () -> loopLine(team, checkIn.week()), () -> led(team, checkIn.week()));
    }

    /** The loop line and the promises due are the team's week's, the same for everyone in the round. */
    @Override
    public PromiseQuestions forRound(Team team, WeekId week) {
        Once<Optional<Block>> loop = Once.of(() -> loopLine(team, week));
        Once<List<LedPromise>> led = Once.of(() -> led(team, week));
        return (t, checkIn, open) -> t.id() == team.id() && checkIn.week().equals(week)
                ? questions(t, checkIn, open, loop, led)
                : forCheckIn(t, checkIn, open);
    }

    private List<Block> questions(
            Team team, CheckIn checkIn, boolean open, Supplier<Optional<Block>> loop, Supplier<List<LedPromise>> led) {
        List<Block> blocks = new ArrayList<>();
        if (checkIn.audience() != Role.MEMBER || checkIn.slot() != 0 || !open) {
            return blocks;
        }
        WeekId week = checkIn.week();
        loop.get().ifPresent(blocks::add);
        List<LedPromise> asked = led.get().stream()
                .filter(l -> !l.promise().leaderId().equals(checkIn.userId()))
                .toList();
        List<String> own = asked.isEmpty() ? List.of() : own(team, checkIn.userId(), week);
        for (LedPromise l : asked) {
            Optional<Noticed> picked =
                    promises.answerOf(team.id(), week, l.promise().id(), own);
            blocks.add(texts.question(team, l.promise(), l.leaderName(), checkIn.id(), picked));
        }
        if (!asked.isEmpty()) {
            blocks.add(new Block.Context(texts.questionPrivacy(team)));
        }
        return blocks;
    }

    private Optional<Block> loopLine(Team team, WeekId week) {
        return texts.loopLine(team, account(team, week)).<Block>map(Block.Context::new);
    }

    /** A promise due in the week whose maker still leads the team, with the maker's name. */
    private record LedPromise(Promise promise, String leaderName) {}

    private List<LedPromise> led(Team team, WeekId week) {
        return promises.active(team.id()).stream()
                .filter(p -> p.askedIn(week))
                .filter(p -> isLeader(team, p.leaderId()))
                .map(p -> new LedPromise(p, leaderName(team, p.leaderId())))
                .toList();
    }

    /**
     * Records a member's answer about a promise on their own check-in, replacing an earlier one of that week; empty
     * when recorded, else why not.
     */
    public Optional<Refusal> answer(
            Platform platform, String workspaceId, String userId, long checkInId, long promiseId, Noticed answer) {
        Optional<CheckIn> found =
                checkIns.find(checkInId).filter(c -> c.userId().equals(userId));
        Optional<Team> team = found.flatMap(c -> teams.find(c.teamId()))
                .filter(t -> t.platform() == platform && t.workspaceId().equals(workspaceId));
        if (found.isEmpty() || team.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_CHECK_IN);
        }
        CheckIn c = found.get();
        Team t = team.get();
        if (askedIn(t, c).stream().noneMatch(p -> p.id() == promiseId)) {
            return Optional.of(Refusal.NOT_ASKED);
        }
        if (pulses.isClosed(t.id(), c.week())) {
            return Optional.of(Refusal.WEEK_CLOSED);
        }
        Optional<Member> member = members.find(t.id(), userId);
        if (member.isEmpty()) {
            return Optional.of(Refusal.UNKNOWN_CHECK_IN);
        }
        if (member.get().optedOut()) {
            return Optional.of(Refusal.OPTED_OUT);
        }
        List<String> former = pseudonyms.formerPseudonyms(t.id(), t.platform(), userId, c.week());
        if (!former.isEmpty()) {
            promises.deleteAnswers(t.id(), c.week(), promiseId, former);
        }
        boolean counts = members.countsTowardThreshold(
                t.id(), userId, c.week().monday().atStartOfDay(t.timezone()).toInstant());
        promises.answer(new NoticedAnswer(
                t.id(),
                c.week(),
                promiseId,
                pseudonyms.pseudonym(t.id(), t.platform(), userId, c.week()),
                answer,
                counts));
        return Optional.empty();
    }

    /**
     * Counts the answers of every closed week of the team that still holds some, keeps the counts (withheld below the
     * threshold), and destroys the answers. Safe to run again and from any instance: a week's count is kept once.
     */
    public int countClosedWeeks(Team team) {
        int counted = 0;
        for (WeekId week : promises.weeksWithAnswers(team.id())) {
            if (!pulses.isClosed(team.id(), week)) {
                continue;
            }
            Map<Long, List<NoticedAnswer>> byPromise =
                    promises.answers(team.id(), week).stream().collect(Collectors.groupingBy(NoticedAnswer::promiseId));
            for (Map.Entry<Long, List<NoticedAnswer>> e : byPromise.entrySet()) {
                if (promises.find(e.getKey()).isPresent()) {
                    promises.keep(Tally.of(e.getKey(), week, e.getValue(), team.threshold()));
                    counted++;
                }
            }
            // Keep less: once counted, the answers have done their work.
            promises.destroyAnswers(team.id(), week);
        }
        return counted;
    }

    /** The team's trust account for the quarter that ends with {@code week}. */
    public TrustAccount account(Team team, WeekId week) {
        return TrustAccount.of(
                promises.madeSince(team.id(), TrustAccount.quarterFrom(week)), promises.tallies(team.id()));
    }

    /** Erases a member's answers about promises in every week still open, e.g. when they ask to be forgotten. */
    public int forget(Team team, String userId) {
        int erased = 0;
        for (WeekId week : promises.weeksWithAnswers(team.id())) {
            List<String> own = own(team, userId, week);
            // Every promise that can still be asked about: made before that week, however long ago.
            for (Promise p : promises.madeSince(team.id(), week.minus(TEN_YEARS_OF_WEEKS))) {
                erased += promises.deleteAnswers(team.id(), week, p.id(), own);
            }
        }
        return erased;
    }

    private List<String> own(Team team, String userId, WeekId week) {
        List<String> all = new ArrayList<>();
        all.add(pseudonyms.pseudonym(team.id(), team.platform(), userId, week));
        all.addAll(pseudonyms.formerPseudonyms(team.id(), team.platform(), userId, week));
        return all;
    }

    private boolean isLeader(Team team, String userId) {
        return members.find(team.id(), userId).filter(Member::isLeader).isPresent();
    }

    private String leaderName(Team team, String leaderId) {
        return members.find(team.id(), leaderId).map(Member::displayName).orElse(leaderId);
    }
}
