package app.trustpulse.pulse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Turns a week's answers into a pulse and applies the anonymity policy: with fewer respondents than the
 * threshold the whole pulse is withheld (participation only); a dimension with fewer answers than the
 * threshold is withheld on its own.
 */
public final class PulseCalculator {

    public static final int TREND_WEEKS = 8;

    /**
     * @param answers members' answers of the week (leaders' self-checks are ignored, and so are the answers of people
     *                added to the team this week, who count from next week on); a "can't say" makes its giver a
     *                respondent but adds no score to the dimension
     * @param history published means of earlier weeks, by week and dimension
     * @param asked   how many members were asked this week
     */
    public WeeklyPulse calculate(
            long teamId,
            WeekId week,
            int threshold,
            List<Answer> answers,
            Map<WeekId, Map<Dimension, Double>> history,
            int asked) {
        AnonymityPolicy.requireAllowed(threshold);
        List<Answer> members = answers.stream()
                .filter(a -> a.respondent() == Role.MEMBER && a.counts())
                .toList();
        Set<String> respondents = new HashSet<>();
        Map<Dimension, List<Integer>> scores = new EnumMap<>(Dimension.class);
        for (Answer a : members) {
            respondents.add(a.pseudonym());
            a.score()
                    .ifPresent(score -> scores.computeIfAbsent(a.dimension(), d -> new ArrayList<>())
                            .add(score));
        }
        boolean withheld = !AnonymityPolicy.mayShow(respondents.size(), threshold);
        List<DimensionScore> dims = new ArrayList<>();
        for (Dimension d : Dimension.inModelOrder()) {
            List<Integer> s = scores.getOrDefault(d, List.of());
            // one score per person and dimension in a week: the number of scores is the number of people
            OptionalDouble mean = withheld || !AnonymityPolicy.mayShow(s.size(), threshold)
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(
                            s.stream().mapToInt(Integer::intValue).average().orElseThrow());
            OptionalDouble spread = mean.isPresent() ? spread(s, mean.getAsDouble()) : OptionalDouble.empty();
            Optional<Double> last = Optional.ofNullable(
                    history.getOrDefault(week.minus(1), Map.of()).get(d));
            OptionalDouble change = mean.isPresent() && last.isPresent()
                    ? OptionalDouble.of(oneDecimal(mean.getAsDouble() - last.get()))
                    : OptionalDouble.empty();
            List<Optional<Double>> trend = new ArrayList<>();
            for (int back = TREND_WEEKS - 1; back >= 1; back--) {
                trend.add(Optional.ofNullable(
                        history.getOrDefault(week.minus(back), Map.of()).get(d)));
            }
            trend.add(mean.isPresent() ? Optional.of(mean.getAsDouble()) : Optional.empty());
            dims.add(new DimensionScore(d, mean, withheld ? 0 : s.size(), spread, change, trend));
        }
        List<DimensionScore> published =
                dims.stream().filter(x -> !x.withheld()).toList();
        Optional<Dimension> strongest = Optional.empty();
        Optional<Dimension> weakest = Optional.empty();
        if (published.size() >= 2) {
            Comparator<DimensionScore> byMean =
                    Comparator.comparingDouble(x -> oneDecimal(x.mean().getAsDouble()));
            strongest = published.stream()
                    .max(byMean.thenComparing(x -> -x.dimension().ordinal()))
                    .map(DimensionScore::dimension);
            weakest = published.stream()
                    .min(byMean.thenComparing(x -> x.dimension().ordinal()))
                    .map(DimensionScore::dimension);
            if (strongest.equals(weakest)) {
                strongest = Optional.empty();
                weakest = Optional.empty();
            }
        }
        return new WeeklyPulse(
                teamId,
                week,
                Math.max(asked, respondents.size()),
                respondents.size(),
                threshold,
                withheld,
                dims,
                strongest,
                weakest);
    }

    /** Sample standard deviation; one answer has none. */
    static OptionalDouble spread(List<Integer> scores, double mean) {
        if (scores.size() < 2) {
            return OptionalDouble.empty();
        }
        double squares = 0;
        for (int score : scores) {
            squares += (score - mean) * (score - mean);
        }
        return OptionalDouble.of(Math.sqrt(squares / (scores.size() - 1)));
    }

    public static double oneDecimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
