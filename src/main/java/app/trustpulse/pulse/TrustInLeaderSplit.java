package app.trustpulse.pulse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits a closing week's TRUST answers into felt trust (items 1-3), which stays in the weekly pulse, and trust in the
 * leader (items 4-6), which leaves it as one sum and two counts for the four-week pool ({@link TrustInLeaderPool}).
 * Answers carry no item; the close looks up what the person behind each week pseudonym was asked, in memory, and
 * keeps only the aggregate. A trust-in-the-leader score is pooled only if its giver is not in the block's pool yet
 * (by their one-way giver token), so the pool's counts add up to different people. An answer whose person is no
 * longer on the team cannot be placed and is left out of both. A moved or unpooled answer stays in the week as
 * "can't say", so its giver still took part.
 *
 * @param weekly  the week's answers for the weekly pulse, with TRUST reduced to felt trust
 * @param sum     the sum of the pooled trust-in-the-leader scores
 * @param scores  how many there were
 * @param counted how many of them count towards the threshold
 * @param givers  the giver tokens of the people pooled this week, to keep with the block's
 */
public record TrustInLeaderSplit(List<Answer> weekly, int sum, int scores, int counted, List<String> givers) {

    /**
     * What the close knows of the person behind a week pseudonym.
     *
     * @param trustItem the TRUST item they were asked this week
     * @param tokens    their giver tokens for the week's block, the current one first (see {@link
     *                  Pseudonymizer#poolGivers})
     */
    public record Giver(int trustItem, List<String> tokens) {
        public Giver {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("a giver has at least one token");
            }
        }
    }

    public TrustInLeaderSplit {
        weekly = List.copyOf(weekly);
        givers = List.copyOf(givers);
    }

    /**
     * @param giverOf       the person behind a week pseudonym, when known
     * @param alreadyPooled the giver tokens the block's earlier weeks pooled
     */
    public static TrustInLeaderSplit of(
            List<Answer> answers, Function<String, Optional<Giver>> giverOf, Set<String> alreadyPooled) {
        List<Answer> weekly = new ArrayList<>(answers.size());
        Set<String> pooled = new HashSet<>(alreadyPooled);
        List<String> givers = new ArrayList<>();
        int sum = 0;
        int scores = 0;
        int counted = 0;
        for (Answer a : answers) {
            if (a.dimension() != Dimension.TRUST || a.respondent() != Role.MEMBER) {
                weekly.add(a);
                continue;
            }
            Optional<Giver> giver = giverOf.apply(a.pseudonym());
            if (giver.isPresent()
                    && !LeaderItems.trustInLeader(Dimension.TRUST, giver.get().trustItem())) {
                weekly.add(a);
                continue;
            }
            boolean fresh = giver.isPresent() && giver.get().tokens().stream().noneMatch(pooled::contains);
            if (fresh && a.score().isPresent()) {
                sum += a.score().getAsInt();
                scores++;
                if (a.counts()) {
                    counted++;
                }
                String token = giver.get().tokens().get(0);
                pooled.add(token);
                givers.add(token);
            }
            weekly.add(new Answer(
                    a.teamId(),
                    a.week(),
                    a.dimension(),
                    a.pseudonym(),
                    a.respondent(),
                    OptionalInt.empty(),
                    Optional.empty(),
                    a.counts()));
        }
        return new TrustInLeaderSplit(weekly, sum, scores, counted, givers);
    }
}
