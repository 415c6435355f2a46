package app.trustpulse.dashboard;

import app.trustpulse.doctor.Finding;
import app.trustpulse.doctor.PublicAddressCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The doctor's public address check: {@code PULSE_PUBLIC_URL} is set and answers from where the service stands. It
 * fetches the dashboard's stylesheet there: open without sign-in, served by every instance, and, like the chart
 * images and the sign-in, only there when the proxy in front routes the service's paths (the actuator is not routed).
 */
final class PublicAddressDoctor implements PublicAddressCheck {

    static final String PROBE = "/dashboard-assets/dashboard.css";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Optional<String> publicUrl;
    private HttpClient http;

    PublicAddressDoctor(Optional<String> publicUrl) {
        this.publicUrl = publicUrl;
    }

    @Override
    public Finding publicAddress() {
        if (publicUrl.isEmpty()) {
            return Finding.fix("doctor.publicAddress.unset");
        }
        String base = publicUrl.get();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + PROBE))
                    .timeout(TIMEOUT)
                    .GET()
                    .build();
            int status =
                    http().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200
                    ? Finding.ok("doctor.publicAddress.ok", base)
                    : Finding.fix("doctor.publicAddress.unreachable", base, "HTTP " + status + " for " + PROBE);
        } catch (IOException | IllegalArgumentException e) {
            return Finding.fix(
                    "doctor.publicAddress.unreachable", base, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Finding.fix("doctor.publicAddress.unreachable", base, "interrupted");
        }
    }

    /**
     * Made on the first check rather than at start: an HTTP client sets up TLS (some hundreds of classes, the trusted
     * certificates) and keeps a thread of its own, for a check that runs when someone opens the doctor.
     */
    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return http;
    }
}
