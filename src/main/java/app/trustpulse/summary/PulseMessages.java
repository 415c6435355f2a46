package app.trustpulse.summary;

import app.trustpulse.chat.Block;
import app.trustpulse.chat.ChatMessage;
import app.trustpulse.nudge.DigestNudges;
import app.trustpulse.promise.PromiseSections;
import app.trustpulse.pulse.DimensionScore;
import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.RatedLeaders;
import app.trustpulse.pulse.Sparkline;
import app.trustpulse.pulse.Team;
import app.trustpulse.pulse.TextFormats;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.TrustInLeaderPool;
import app.trustpulse.pulse.WeeklyPulse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The weekly pulse as the channel sees it, and as the top of a leader's digest and the home view. */
final class PulseMessages implements PulseView {

    private final Texts texts;
    private final PulseCharts charts;
    private final PromiseSections promises;
    private RatedLeaders ratedLeaders = RatedLeaders.none();

    PulseMessages(Texts texts, PulseCharts charts) {
        this(texts, charts, PromiseSections.none());
    }

    /** @param promises the leaders' focus and promises, and what the team noticed of them, under the pulse */
    PulseMessages(Texts texts, PulseCharts charts, PromiseSections promises) {
        this.texts = texts;
        this.charts = charts;
        this.promises = promises;
    }

    /** The pulse says whom the week's statements about the leader named, and shows trust in that leader pooled. */
    PulseMessages naming(RatedLeaders leaders) {
        this.ratedLeaders = leaders;
        return this;
    }

    ChatMessage channelPost(Team team, WeeklyPulse pulse, Optional<DigestNudges.Reflection> reflection) {
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        String header = texts.get(
                lang, "pulse.header", pulse.week().week(), pulse.week().year());
        blocks.add(new Block.Header(header));
        blocks.addAll(body(team, pulse));
        blocks.addAll(promises.channel(team, pulse));
        reflection.ifPresent(q -> {
            blocks.add(new Block.Text(texts.get(lang, "pulse.reflection", q.question())));
            blocks.add(new Block.Context(q.why()));
        });
        blocks.add(new Block.Context(texts.get(lang, "pulse.privacy", pulse.threshold())));
        return new ChatMessage(header, blocks);
    }

    /**
     * Whom the week's statements about the leader named, and trust in the leader over the latest complete block of
     * four weeks, beside TRUST in the table, which is felt trust.
     */
    private List<Block> aboutTheLeader(Team team, WeeklyPulse pulse) {
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        Optional<TrustInLeaderPool.Pooled> pool = ratedLeaders.pool(team.id(), pulse.week(), pulse.threshold());
        pool.filter(p -> p.leader().isPresent()).ifPresent(p -> {
            String name = p.leader().get().displayName();
            blocks.add(new Block.Text(
                    p.withheld()
                            ? texts.get(
                                    lang,
                                    "pulse.trustInLeader.withheld",
                                    name,
                                    p.from().week(),
                                    p.to().week(),
                                    pulse.threshold())
                            : texts.get(
                                    lang,
                                    "pulse.trustInLeader",
                                    name,
                                    p.from().week(),
                                    p.to().week(),
                                    TextFormats.score(lang, p.mean().getAsDouble()),
                                    p.scores())));
        });
        ratedLeaders
                .of(team.id(), pulse.week())
                .ifPresent(leader -> blocks.add(new Block.Context(texts.get(
                        lang,
                        pool.isPresent() ? "pulse.ratedLeader.pooled" : "pulse.ratedLeader",
                        leader.displayName()))));
        return blocks;
    }

    @Override
    public List<Block> body(Team team, WeeklyPulse pulse) {
        Language lang = team.language();
        List<Block> blocks = new ArrayList<>();
        String participation = texts.get(lang, "pulse.participation", pulse.answered(), pulse.asked());
        if (pulse.withheld()) {
            blocks.add(new Block.Text(texts.get(lang, "pulse.withheld", pulse.answered(), pulse.threshold())));
            blocks.add(new Block.Text(participation));
            return blocks;
        }
        // The chart goes first; the table stays as the text version for notifications and screen readers.
        if (pulse.dimensions().stream().allMatch(DimensionScore::withheld)) {
            blocks.add(new Block.Context(texts.get(lang, "pulse.noChart", pulse.threshold())));
        } else {
            charts.chartOf(team, pulse).ifPresent(blocks::add);
        }
        List<Block.ScoreRow> rows = new ArrayList<>();
        for (DimensionScore s : pulse.dimensions()) {
            String score = s.withheld()
                    ? texts.get(lang, "pulse.dimension.withheld")
                    : TextFormats.score(lang, s.mean().getAsDouble());
            String change =
                    s.change().isPresent() ? TextFormats.change(lang, s.change().getAsDouble()) : "";
            rows.add(new Block.ScoreRow(
                    texts.dimensionName(lang, s.dimension()),
                    score,
                    change,
                    Sparkline.of(s.trend()),
                    texts.get(lang, "pulse.answers", s.answers())));
        }
        blocks.add(new Block.ScoreTable(rows));
        blocks.addAll(aboutTheLeader(team, pulse));
        blocks.add(new Block.Text(participation));
        if (pulse.strongest().isPresent() && pulse.weakest().isPresent()) {
            blocks.add(new Block.Text(texts.get(
                    lang,
                    "pulse.extremes",
                    texts.dimensionName(lang, pulse.strongest().get()),
                    texts.dimensionName(lang, pulse.weakest().get()))));
        }
        if (pulse.dimensions().stream().anyMatch(DimensionScore::withheld)) {
            blocks.add(new Block.Context(texts.get(lang, "pulse.someWithheld", pulse.threshold())));
        }
        return blocks;
    }
}
