package app.trustpulse.promise;

import app.trustpulse.chat.Actions;
import app.trustpulse.chat.Block;
import app.trustpulse.chat.Button;
import app.trustpulse.pulse.Dimension;
import app.trustpulse.pulse.Member;
import app.trustpulse.pulse.MemberRepository;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.WeekId;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promise blocks of the pulse and the digest. Before either shows a count, the answers of closed weeks are counted
 * (and destroyed), so the pulse that follows a week's close already carries that week's count.
 */
public final class PromiseBlocks implements PromiseSections {

    private final PromiseRepository promises;
    private final MemberRepository members;
    private final PulseRepository pulses;
    private final NoticingPromises noticing;
    private final PromiseTexts texts;

    PromiseBlocks(
            PromiseRepository promises,
            MemberRepository members,
            PulseRepository pulses,
            NoticingPromises noticing,
            PromiseTexts texts) {
        this.promises = promises;
        this.members = members;
        this.pulses = pulses;
        this.noticing = noticing;
        this.texts = texts;
    }

    @Override
    public List<Block> channel(Team team, WeeklyPulse pulse) {
        noticing.countClosedWeeks(team);
        List<Block> blocks = new ArrayList<>();
        Map<Long, Tally> latest = TrustAccount.latest(promises.tallies(team.id()));
        for (Promise p : shown(team)) {
            blocks.add(new Block.Text(texts.promiseLine(team, p, leaderName(team, p.leaderId()))));
            Optional.ofNullable(latest.get(p.id()))
                    .ifPresent(t -> blocks.add(new Block.Context(texts.tallyLine(team, t))));
        }
        texts.loopLine(team, noticing.account(team, pulse.week()))
                .ifPresent(line -> blocks.add(new Block.Context(line)));
        return blocks;
    }

    @Override
    public List<Block> digestFirst(Team team, WeeklyPulse pulse) {
        List<WeeklyPulse> three = new ArrayList<>();
        three.add(pulse);
        pulses.find(team.id(), pulse.week().minus(1)).ifPresent(three::add);
        pulses.find(team.id(), pulse.week().minus(2)).ifPresent(three::add);
        if (three.size() < 3 || three.stream().anyMatch(p -> p.asked() == 0)) {
            return List.of();
        }
        double now = rate(three.get(0));
        double before = rate(three.get(1));
        double first = rate(three.get(2));
        if (!(now < before && before < first)) {
            return List.of();
        }
        return List.of(new Block.Text(
                texts.get(team, "promise.participation.falling", percent(first), percent(before), percent(now))));
    }

    @Override
    public List<Block> digest(Team team, Member leader, WeeklyPulse pulse, List<Tip> tips) {
        noticing.countClosedWeeks(team);
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Text(texts.get(team, "promise.digest.title")));
        Optional<Promise> mine = promises.active(team.id()).stream()
                .filter(p -> p.leaderId().equals(leader.userId()))
                .findFirst();
        if (mine.isPresent()) {
            Promise p = mine.get();
            blocks.add(new Block.Text(texts.get(
                    team,
                    "promise.yours",
                    texts.dimension(team, p.focus()),
                    p.text(),
                    p.madeIn().week())));
            Optional.ofNullable(TrustAccount.latest(promises.tallies(team.id())).get(p.id()))
                    .ifPresentOrElse(
                            t -> blocks.add(new Block.Context(texts.tallyLine(team, t))),
                            () -> blocks.add(new Block.Context(texts.get(
                                    team,
                                    "promise.digest.askedFrom",
                                    firstAsked(p, pulse.week().plus(1)).week()))));
            blocks.add(texts.changeOrEnd(team, p));
        } else {
            blocks.add(new Block.Text(texts.get(team, "promise.digest.intro")));
        }
        texts.loopLine(team, noticing.account(team, pulse.week()))
                .ifPresent(line -> blocks.add(new Block.Context(line)));
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < tips.size(); i++) {
            Tip tip = tips.get(i);
            buttons.add(Button.of(
                    texts.get(
                            team,
                            mine.isPresent() ? "promise.digest.tip.instead" : "promise.digest.tip",
                            i + 1,
                            texts.dimension(team, tip.dimension())),
                    Actions.promiseTip(team.id(), tip.sentNudgeId())));
        }
        Optional<Dimension> offered = tips.stream().findFirst().map(Tip::dimension);
        if (mine.isEmpty()) {
            buttons.add(texts.ownWords(team, texts.get(team, "promise.digest.own"), offered, offered));
        }
        if (!buttons.isEmpty()) {
            blocks.add(new Block.Buttons(buttons));
        }
        return blocks;
    }

    /** A promise as the team sees it: with its leader's name and the latest count of what the team noticed. */
    public record Shown(Promise promise, String leaderName, Optional<Tally> latest) {}

    /** Every leader's promise the team sees, for the dashboard; counts nothing, changes nothing. */
    public List<Shown> board(Team team) {
        Map<Long, Tally> latest = TrustAccount.latest(promises.tallies(team.id()));
        return shown(team).stream()
                .map(p -> new Shown(p, leaderName(team, p.leaderId()), Optional.ofNullable(latest.get(p.id()))))
                .toList();
    }

    /** The team's trust account for the quarter that ends with {@code week}. */
    public TrustAccount account(Team team, WeekId week) {
        return noticing.account(team, week);
    }

    /** Every leader's promise the team sees: those of people who still lead the team. */
    public List<Promise> shown(Team team) {
        return promises.active(team.id()).stream()
                .filter(p -> members.find(team.id(), p.leaderId())
                        .filter(Member::isLeader)
                        .isPresent())
                .toList();
    }

    /** The next week, from this one on, whose check-ins ask about the promise. */
    private static WeekId firstAsked(Promise p, WeekId from) {
        WeekId w = from;
        for (int i = 0; i < 3 && !p.askedIn(w); i++) {
            w = w.plus(1);
        }
        return w;
    }

    private static double rate(WeeklyPulse p) {
        return (double) p.answered() / p.asked();
    }

    private static long percent(double rate) {
        return Math.round(rate * 100);
    }

    private String leaderName(Team team, String leaderId) {
        return members.find(team.id(), leaderId).map(Member::displayName).orElse(leaderId);
    }
}
