package com.slack.api.methods.impl;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.rate_limits.metrics.MetricsDatastore;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * The SDK's Web API client, parsing every response with one Gson made once for the configuration. The SDK's own client
 * makes a new Gson for each response it parses, and with it every type adapter of the response's classes: some 0.3 ms
 * of CPU on each call, where parsing with a kept Gson takes a few microseconds. Everything else is the SDK's: the
 * parse below does what the SDK's does (the metrics, the response headers, the listeners), with the kept Gson.
 *
 * <p>It lives in the SDK's package because the parse is package-private there. An SDK upgrade that renames it fails
 * the build at {@link Override}; {@code OneGsonMethodsClientTest} checks that it parses as the SDK does.
 */
public final class OneGsonMethodsClient extends MethodsClientImpl {

    private final Gson gson;
    private final SlackHttpClient http;
    private final String executorName;
    private final MetricsDatastore metrics;

    private OneGsonMethodsClient(SlackHttpClient http, SlackConfig config, String token, Gson gson) {
        super(http, token, null);
        setEndpointUrlPrefix(config.getMethodsEndpointUrlPrefix());
        this.gson = gson;
        this.http = http;
        // as the SDK's client reads them, from its HTTP client's configuration
        this.executorName = http.getConfig().getMethodsConfig().getExecutorName();
        this.metrics = http.getConfig().getMethodsConfig().getMetricsDatastore();
    }

    /** Makes the clients of one {@link Slack}, all with the same Gson. */
    public static final class Factory {

        private final SlackHttpClient http;
        private final SlackConfig config;
        private final Gson gson;

        public Factory(Slack slack) {
            this.http = slack.getHttpClient();
            this.config = slack.getConfig();
            this.gson = GsonFactory.createSnakeCase(http.getConfig());
        }

        /** What {@code slack.methodsAsync(token)} gives, with responses parsed by the kept Gson. */
        public AsyncMethodsClient async(String token) {
            return new AsyncMethodsClientImpl(token, new OneGsonMethodsClient(http, config, token, gson), config);
        }
    }

    @Override
    <T extends SlackApiTextResponse> T parseJsonResponseAndRunListeners(
            String teamId, String methodName, Response response, Class<T> type, boolean isAsync)
            throws IOException, SlackApiException {
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(http.getConfig(), response, body);
        }
        try {
            T parsed = gson.fromJson(body, type);
            if (teamId != null) {
                if (parsed.isOk()) {
                    metrics.incrementSuccessfulCalls(executorName, teamId, methodName);
                } else {
                    metrics.incrementUnsuccessfulCalls(executorName, teamId, methodName);
                }
            }
            parsed.setHttpResponseHeaders(lowerCasedKeys(response.headers()));
            return parsed;
        } finally {
            http.runHttpResponseListeners(response, body, isAsync);
        }
    }

    private static Map<String, List<String>> lowerCasedKeys(Headers headers) {
        Map<String, List<String>> byName = new HashMap<>();
        for (Map.Entry<String, List<String>> header : headers.toMultimap().entrySet()) {
            byName.put(header.getKey().toLowerCase(Locale.ENGLISH), header.getValue());
        }
        return byName;
    }
}
