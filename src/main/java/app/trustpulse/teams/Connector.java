package app.trustpulse.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.LogLevel;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ResourceResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import retrofit2.Retrofit;

/**
 * Bot Connector clients, one per service URL. The SDK's own client repeats a request at once on 408 and 5xx
 * answers and OkHttp may repeat one after a dropped connection; both are switched off here so that every request
 * is sent exactly once and {@link Retrying} alone decides what is tried again.
 *
 * <p>Every tenant of a region shares one service URL, and OkHttp sends at most 5 requests to one host at a time
 * unless told otherwise: the rounds of all tenants would then queue behind those 5. Each client sends as many at once
 * as the service may have waiting ({@code concurrentCalls}); Teams' own limits are per tenant and per conversation,
 * and {@link SendPacer} keeps to them.
 *
 * <p>Messages are posted and updated ({@link #send}, {@link #update}) with the client's own HTTP client (its
 * credentials, pool and timeouts) but without the SDK's call machinery: that validates every activity by reflection,
 * hands each call to a dispatcher thread and back to the caller waiting for it, and reads the answer through
 * Retrofit: 1.1 ms of CPU a post in {@code TeamsHostScaleBenchmark}'s bare round, against 0.8 ms this way.
 */
class Connector {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final byte[] NO_BODY = new byte[0];

    private static final RetryStrategy NEVER = new RetryStrategy("never", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    /** How long a connection to the Bot Connector is kept open with nothing to send. */
    static final Duration IDLE_CONNECTION_KEPT = Duration.ofMinutes(5);

    private final AppCredentials credentials;
    private final int concurrentCalls;
    private final ActivityJson json = new ActivityJson();
    private final Map<String, RestConnectorClient> clients = new ConcurrentHashMap<>();

    Connector(AppCredentials credentials, int concurrentCalls) {
        if (concurrentCalls < 1) {
            throw new IllegalArgumentException("concurrentCalls must be 1 or more, not " + concurrentCalls);
        }
        this.credentials = credentials;
        this.concurrentCalls = concurrentCalls;
    }

    /** How many requests each client sends at once, to one host too. */
    int concurrentCalls() {
        return concurrentCalls;
    }

    ConnectorClient at(String serviceUrl) {
        return client(serviceUrl);
    }

    private RestConnectorClient client(String serviceUrl) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return clients.computeIfAbsent(base, this::create);
    }

    /**
     * Posts a message into a conversation, or into the thread of {@code replyToId} when that is not null: the Bot
     * Connector's "send to conversation" and "reply to activity". Completes with the posted message's id, or fails
     * as the SDK's call would: with an {@link ErrorResponseException} holding the answer, or the network's error.
     */
    CompletableFuture<ResourceResponse> send(
            String serviceUrl, String conversationId, String replyToId, Activity activity) {
        return replyToId == null
                ? call("POST", serviceUrl, activity, conversationId, "activities")
                : call("POST", serviceUrl, activity, conversationId, "activities", replyToId);
    }

    /** Replaces a posted message: the Bot Connector's "update activity". */
    CompletableFuture<ResourceResponse> update(
            String serviceUrl, String conversationId, String activityId, Activity activity) {
        return call("PUT", serviceUrl, activity, conversationId, "activities", activityId);
    }

    private CompletableFuture<ResourceResponse> call(
            String method, String serviceUrl, Activity activity, String conversationId, String... path) {
        if (conversationId == null || activity == null) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException("a conversation and an activity are required"));
        }
        RestConnectorClient client = client(serviceUrl);
        try {
            // The client's own base, parsed once when it was built
            HttpUrl.Builder url = client.getRestClient()
                    .retrofit()
                    .baseUrl()
                    .newBuilder()
                    .addPathSegments("v3/conversations")
                    .addPathSegment(conversationId);
            for (String segment : path) {
                url.addPathSegment(segment);
            }
            Request.Builder request = new Request.Builder()
                    .url(url.build())
                    .header("User-Agent", client.getUserAgent())
                    .method(method, RequestBody.create(json.serializer().writeValueAsBytes(activity), JSON));
            if (client.getAcceptLanguage() != null) {
                request.header("accept-language", client.getAcceptLanguage());
            }
            try (Response response =
                    client.getRestClient().httpClient().newCall(request.build()).execute()) {
                ResponseBody body = response.body();
                byte[] answer = body == null ? NO_BODY : body.bytes();
                if (!response.isSuccessful()) {
                    MediaType type = body == null ? null : body.contentType();
                    return CompletableFuture.failedFuture(new ErrorResponseException(
                            method + " of an activity answered HTTP " + response.code(),
                            retrofit2.Response.error(ResponseBody.create(answer, type), response)));
                }
                return CompletableFuture.completedFuture(
                        answer.length == 0 ? null : json.serializer().readValue(answer, ResourceResponse.class));
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RestConnectorClient create(String baseUrl) {
        // As many idle connections as requests at once (OkHttp's default keeps 5), so a round's sends reuse them
        // instead of opening and TLS-shaking new ones.
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectionPool(
                        new ConnectionPool(concurrentCalls, IDLE_CONNECTION_KEPT.toMinutes(), TimeUnit.MINUTES));
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(concurrentCalls);
        dispatcher.setMaxRequestsPerHost(concurrentCalls);
        RestClient rest = new RestClient.Builder(http, new Retrofit.Builder())
                .withBaseUrl(baseUrl)
                .withDispatcher(dispatcher)
                .withCredentials(credentials)
                .withSerializerAdapter(new ActivityJson())
                .withResponseBuilderFactory(new ServiceResponseBuilder.Factory())
                .withRetryStrategy(NEVER)
                // Its interceptor would log every activity at INFO under a logger without a name: no pin can hold it.
                .withLogLevel(LogLevel.NONE)
                .withConnectionTimeout(10, TimeUnit.SECONDS)
                .withReadTimeout(30, TimeUnit.SECONDS)
                .build();
        return new RestConnectorClient(rest);
    }
}
