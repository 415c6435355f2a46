package app.trustpulse.chart;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves a pulse chart to whoever has its address (Slack's and Teams' image fetchers), until it expires. */
@RestController
class ChartController {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final ChartStore store;
    private final Clock clock;

    ChartController(ChartStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GetMapping(PublishedPulseCharts.PATH + "{token}.png")
    ResponseEntity<byte[]> chart(@PathVariable String token) {
        if (!TOKEN.matcher(token).matches()) {
            return ResponseEntity.notFound().build();
        }
        return store.png(token, clock.instant())
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePrivate())
                        .header("X-Robots-Tag", "noindex")
                        .body(png))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
