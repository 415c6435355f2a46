package app.trustpulse.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Keeps one known warning out of the log: Flyway 12.4 has been verified with H2 up to 2.3.232, and Spring Boot 4.1
 * brings H2 2.4.240, so every start on H2 warned that the database "is newer than the version Flyway has been
 * verified with". Our migrations run on both in the tests; going back to H2 2.3 could not open databases 2.4 wrote.
 * Only that H2 message is dropped: Flyway's other version warnings (PostgreSQL) still show.
 */
public final class FlywayH2Notice implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String LOGGER = "org.flywaydb.core.internal.database.base.Database";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof DropH2VersionWarning)) {
            context.addTurboFilter(new DropH2VersionWarning());
        }
    }

    /** After Spring Boot has set up logging (which starts from a clean logger context). */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }

    static final class DropH2VersionWarning extends TurboFilter {

        @Override
        public FilterReply decide(
                Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (level == Level.WARN
                    && LOGGER.equals(logger.getName())
                    && format != null
                    && format.startsWith("Using H2 ")
                    && format.contains("newer than the version Flyway has been verified with")) {
                return FilterReply.DENY;
            }
            return FilterReply.NEUTRAL;
        }
    }
}
