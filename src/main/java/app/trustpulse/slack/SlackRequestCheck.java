package app.trustpulse.slack;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What makes a signed Slack request impossible to work on, so that it is refused before it is acknowledged instead
 * of failing every try from the queue: ids that are not Slack ids (Slack's are letters and digits, e.g.
 * {@code U0123ABC}; one with a control character names no one), a message timestamp that is not one, and a
 * response URL that is not Slack's. Checked again before queued work runs, for what was queued before.
 *
 * <p>A response URL must be {@code https://hooks.slack.com/…}, the address Slack gives every command and click; with
 * {@code SLACK_API_URL} set, the hooks host of that Slack ({@code https://hooks.slack-gov.com/…} beside
 * {@code https://slack-gov.com/api/}) or the host the Web API calls go to (a proxy, a test double). Answers are
 * posted to that URL, so this also keeps a signed request from making the service post elsewhere.
 */
final class SlackRequestCheck {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern TS = Pattern.compile("\\d{1,12}\\.\\d{1,9}");
    private static final URI SLACK_API = URI.create("https://slack.com/api/");

    private final String hooksHost;
    private final String apiOrigin;

    SlackRequestCheck(SlackProperties props) {
        URI api = SlackProperties.isSet(props.apiUrl())
                ? URI.create(props.apiUrl().trim())
                : SLACK_API;
        String host = api.getHost() == null ? "" : api.getHost().toLowerCase(Locale.ROOT);
        this.hooksHost = "hooks." + (host.startsWith("api.") ? host.substring(4) : host);
        this.apiOrigin = origin(api);
    }

    /** Why the request can never be worked on, in words fit for a log (naming no value), or empty when it can. */
    Optional<String> problem(SlackRequest r) {
        if (!isId(r.workspaceId())) {
            return Optional.of("its workspace id is not a Slack id");
        }
        if (!isId(r.userId())) {
            return Optional.of("its user id is not a Slack id");
        }
        if (r.channelId() != null && !isId(r.channelId()) || r.refChannel() != null && !isId(r.refChannel())) {
            return Optional.of("its channel id is not a Slack id");
        }
        if (r.refTs() != null && !TS.matcher(r.refTs()).matches()) {
            return Optional.of("its message timestamp is not a Slack timestamp");
        }
        if (r.type() == SlackRequest.Type.COMMAND && r.responseUrl() == null) {
            return Optional.of("it has no response URL");
        }
        if (r.responseUrl() != null && !responseUrlAllowed(r.responseUrl())) {
            return Optional.of("its response URL is not an https address on " + hooksHost);
        }
        return Optional.empty();
    }

    boolean responseUrlAllowed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return false;
        }
        boolean hooks = "https".equalsIgnoreCase(uri.getScheme())
                && hooksHost.equalsIgnoreCase(uri.getHost())
                && (uri.getPort() == -1 || uri.getPort() == 443);
        return hooks || apiOrigin.equals(origin(uri));
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        return scheme + "://" + host + ":" + port;
    }
}
