package app.trustpulse.pulse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Splits a closing week's TRUST answers into felt trust (items 1-3), which stays in the weekly pulse, and trust in the
 * leader (items 4-6), which leaves it as one sum and two counts for the four-week pool ({@link TrustInLeaderPool}).
 * Answers carry no item; the close works it out from the rotation of the person behind each week pseudonym, in
 * memory, and keeps only the aggregate. An answer whose person is no longer on the team cannot be placed and is left
 * out of both. A moved answer stays in the week as "can't say", so its giver still took part.
 *
 * @param weekly  the week's answers for the weekly pulse, with TRUST reduced to felt trust
 * @param sum     the sum of the trust-in-the-leader scores
 * @param scores  how many there were
 * @param counted how many of them count towards the threshold
 */
public record TrustInLeaderSplit(List<Answer> weekly, int sum, int scores, int counted) {

    /** @param trustItem the TRUST item the person behind a week pseudonym was asked, when known */
    public static TrustInLeaderSplit of(List<Answer> answers, Function<String, OptionalInt> trustItem) {
        List<Answer> weekly = new ArrayList<>(answers.size());
        int sum = 0;
        int scores = 0;
        int counted = 0;
        for (Answer a : answers) {
            if (a.dimension() != Dimension.TRUST || a.respondent() != Role.MEMBER) {
                weekly.add(a);
                continue;
            }
            OptionalInt item = trustItem.apply(a.pseudonym());
            if (item.isPresent() && !LeaderItems.trustInLeader(Dimension.TRUST, item.getAsInt())) {
                weekly.add(a);
                continue;
            }
            if (item.isPresent() && a.score().isPresent()) {
                sum += a.score().getAsInt();
                scores++;
                if (a.counts()) {
                    counted++;
                }
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
        return new TrustInLeaderSplit(List.copyOf(weekly), sum, scores, counted);
    }
}
