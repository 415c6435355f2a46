package app.trustpulse.chart;

import app.trustpulse.chat.ImageUploads;
import app.trustpulse.pulse.PulseRepository;
import app.trustpulse.pulse.Texts;
import app.trustpulse.summary.PulseCharts;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chart images for the weekly pulse, drawn with JFreeChart and kept in the database. */
@Configuration(proxyBeanMethods = false)
public class ChartConfiguration {

    @Bean
    ChartStore chartStore(JdbcClient jdbc) {
        return new ChartStore(jdbc);
    }

    @Bean
    PulseCharts pulseCharts(
            ChartStore store,
            PulseRepository pulses,
            Texts texts,
            ChartProperties properties,
            Clock clock,
            ObjectProvider<ImageUploads> uploads) {
        return new PublishedPulseCharts(
                store,
                new ChartDrawing(),
                pulses,
                texts,
                properties,
                clock,
                uploads.orderedStream().toList());
    }
}
