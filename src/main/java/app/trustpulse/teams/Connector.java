package app.trustpulse.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.LogLevel;
import com.microsoft.bot.restclient.RestClient;
import com.microsoft.bot.restclient.ServiceResponseBuilder;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Response;
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
 */
class Connector {

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
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

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
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return clients.computeIfAbsent(base, this::create);
    }

    private ConnectorClient create(String baseUrl) {
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
