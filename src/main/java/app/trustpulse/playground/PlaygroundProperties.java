package app.trustpulse.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the local playground.
 *
 * @param enabled      whether the playground page, its API and its chat gateway exist
 *                     ({@code PULSE_PLAYGROUND_ENABLED}); on by default, production switches it off
 * @param historyLimit how many of the newest messages of each conversation the page shows
 */
@ConfigurationProperties("pulse.playground")
public record PlaygroundProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200") int historyLimit) {}
