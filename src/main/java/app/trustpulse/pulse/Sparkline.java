package app.trustpulse.pulse;

import java.util.List;
import java.util.Optional;

/** A text sparkline of scores on the 1–5 scale; a week without a published score shows as a dot. */
public final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final char GAP = '·';

    private Sparkline() {}

    public static String of(List<Optional<Double>> values) {
        StringBuilder sb = new StringBuilder(values.size());
        for (Optional<Double> v : values) {
            if (v.isEmpty()) {
                sb.append(GAP);
            } else {
                double clamped = Math.max(1.0, Math.min(5.0, v.get()));
                int index = (int) Math.round((clamped - 1.0) / 4.0 * (BARS.length - 1));
                sb.append(BARS[index]);
            }
        }
        return sb.toString();
    }
}
