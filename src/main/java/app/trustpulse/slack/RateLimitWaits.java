package app.trustpulse.slack;

import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import java.io.IOException;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts every HTTP 429 from Slack's Web API and the wait it asked for (Retry-After in seconds; 1 when absent). The
 * SDK waits and sends again by itself, so the calls never see these; the HTTP client does.
 */
final class RateLimitWaits implements Interceptor {

    private final PulseMetrics metrics;

    RateLimitWaits(PulseMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.code() == 429) {
            String header = response.header("Retry-After");
            long seconds = header != null && header.trim().matches("\\d{1,6}") ? Long.parseLong(header.trim()) : 1;
            metrics.rateLimitWait(Platform.SLACK, Duration.ofSeconds(seconds));
        }
        return response;
    }
}
