package app.trustpulse.chart;

import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chart images in the weekly pulse.
 *
 * @param publicUrl    the service's public https address ({@code PULSE_PUBLIC_URL}); Slack and Teams fetch the image
 *                     from it. Without it Slack gets the chart as an uploaded file and Teams inside the card when it
 *                     fits (the playground, on this machine, always has charts)
 * @param ttl          how long an image stays reachable ({@code PULSE_CHARTS_TTL}, default 90 days); after that its
 *                     address answers 404 and the message's text remains
 * @param historyWeeks how many earlier weeks the trend marker averages
 */
@ConfigurationProperties("pulse.charts")
public record ChartProperties(
        Optional<String> publicUrl,
        @DefaultValue("P90D") Duration ttl,
        @DefaultValue("8") int historyWeeks) {

    public ChartProperties {
        publicUrl = publicUrl == null
                ? Optional.empty()
                : publicUrl.filter(u -> !u.isBlank()).map(u -> u.replaceAll("/+$", ""));
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("pulse.charts.ttl must be positive");
        }
        if (historyWeeks < 1 || historyWeeks > 52) {
            throw new IllegalArgumentException("pulse.charts.history-weeks must be 1 to 52");
        }
    }
}
