package app.trustpulse.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Single-workspace authorization that asks Slack nothing while a request waits. Bolt's own calls auth.test when the
 * app starts (on the first request, or when Socket Mode connects) and fails the request, or the start, while Slack
 * cannot be reached, though a signed request needs nothing from Slack to be queued. The bot's identity comes from
 * the last auth.test {@link SlackConnection} got; until there is one, the workspace is the one the signed request
 * names.
 */
final class BotIdentityAuthorization implements Middleware {

    private final String botToken;
    private final SlackConnection connection;

    BotIdentityAuthorization(String botToken, SlackConnection connection) {
        this.botToken = botToken;
        this.connection = connection;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        var ctx = req.getContext();
        ctx.setBotToken(botToken);
        connection.identity().ifPresent(id -> {
            ctx.setAuthTestResponse(id);
            ctx.setBotUserId(id.getUserId());
            ctx.setBotId(id.getBotId());
            ctx.setTeamId(id.getTeamId());
            ctx.setEnterpriseId(id.getEnterpriseId());
        });
        return chain.next(req);
    }
}
