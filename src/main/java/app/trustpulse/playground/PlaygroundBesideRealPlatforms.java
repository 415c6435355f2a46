package app.trustpulse.playground;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warns at start, loudly, when the playground was switched on beside a real platform. */
final class PlaygroundBesideRealPlatforms {

    private static final Logger LOG = LoggerFactory.getLogger(PlaygroundBesideRealPlatforms.class);

    PlaygroundBesideRealPlatforms(List<String> realPlatforms) {
        if (!realPlatforms.isEmpty()) {
            LOG.warn("""

                    ************************************************************************************
                    The playground is switched on (PULSE_PLAYGROUND_ENABLED=true) beside {}.
                    Anyone who can reach /playground can use it without signing in. It works only on its
                    own demo workspace and can never reach the real teams, but it does write demo teams
                    into this database. Switch it off in production: PULSE_PLAYGROUND_ENABLED=false.
                    ************************************************************************************""", String.join(" and ", realPlatforms));
        }
    }
}
