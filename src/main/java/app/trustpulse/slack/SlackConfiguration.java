package app.trustpulse.slack;

import app.trustpulse.chat.ImageUploads;
import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkProperties;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackOAuthAppServlet;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.MethodsCustomRateLimitResolver;
import com.slack.api.methods.MethodsRateLimitTier;
import com.slack.api.methods.MethodsRateLimits;
import com.slack.api.token_rotation.TokenRotator;
import com.slack.api.util.http.SlackHttpClient;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Slack adapter, switched on when any Slack credential is set. Single-workspace mode with
 * {@code SLACK_BOT_TOKEN}; multi-workspace mode (OAuth install at {@code /slack/install}) with
 * {@code SLACK_CLIENT_ID} and {@code SLACK_CLIENT_SECRET}. Both need {@code SLACK_SIGNING_SECRET} for the
 * request URL {@code /slack/events}, or {@code SLACK_APP_TOKEN} to run over Socket Mode instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SlackConfigured.class)
@EnableConfigurationProperties(SlackProperties.class)
public class SlackConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(SlackConfiguration.class);

    static final String EVENTS_PATH = "/slack/events";
    static final int CALL_THREADS_BESIDE_WORKERS = 8;
    /** How long a connection to Slack is kept open with nothing to send. */
    static final Duration IDLE_CONNECTION_KEPT = Duration.ofMinutes(5);

    static final String APP_PATH = "/slack";
    static final String INSTALL_PATH = "/install";
    static final String REDIRECT_PATH = "/oauth_redirect";

    /** The bot scopes the app uses, no more; the manifest lists the same. */
    static final List<String> BOT_SCOPES = List.of(
            "commands",
            "chat:write",
            "im:write",
            "im:history",
            "users:read",
            "channels:read",
            "groups:read",
            "channels:history",
            "groups:history",
            "files:write");

    @Bean
    SlackMode slackMode(SlackProperties props) {
        SlackMode mode = SlackMode.of(props);
        if (mode == SlackMode.MULTI_WORKSPACE) {
            TokenCipher.fromBase64(props.tokenEncryptionKey());
        }
        return mode;
    }

    @Bean(destroyMethod = "close")
    Slack slackClient(
            SlackProperties props, ObjectProvider<PulseMetrics> metrics, ObjectProvider<WorkProperties> work) {
        SlackConfig config = new SlackConfig();
        if (SlackProperties.isSet(props.apiUrl())) {
            String url = props.apiUrl().trim();
            config.setMethodsEndpointUrlPrefix(url.endsWith("/") ? url : url + "/");
        }
        MethodsConfig methods = new MethodsConfig();
        // One executor (queues and metrics) per client, so two application contexts never share queues.
        methods.setExecutorName("trust-pulse-" + UUID.randomUUID());
        methods.setMaxIdleMills(
                (int) Math.min(Integer.MAX_VALUE, props.callTimeout().toMillis()));
        if (props.benchmarkTimeCompression() != 1) {
            // Said once at start, so an install that set it by mistake sees why Slack answers with 429s.
            LOG.info(
                    "slack.benchmark-time-compression is {}: Slack's limits are paced {} times faster than Slack takes;"
                            + " for benchmarks against a fake Slack only",
                    props.benchmarkTimeCompression(),
                    props.benchmarkTimeCompression());
        }
        methods.setCustomRateLimitResolver(new SharedRateLimits(props.pace()));
        // The SDK runs the calls of every workspace on one pool, and a call waits out its rate limit asleep on one of
        // its threads: with the SDK's 5, five workspaces' waits held up the posts of all the others.
        int callThreads = callThreads(work.getIfAvailable());
        methods.setDefaultThreadPoolSize(callThreads);
        // Set on the config, which hands it to the methods' config (and to the SDK's other parts) when the client
        // starts.
        config.setExecutorServiceProvider(new SlackCallThreads());
        forgetIdleConversations(methods);
        config.setMethodsConfig(methods);
        // The SDK waits out an HTTP 429 and sends again by itself; the HTTP client sees each one go by.
        // OkHttp keeps 5 idle connections by default: with more calls than that at once, every round closed the
        // rest and opened (and TLS-shook) new ones for the next.
        OkHttpClient http = SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .connectionPool(new ConnectionPool(callThreads, IDLE_CONNECTION_KEPT.toMinutes(), TimeUnit.MINUTES))
                .addInterceptor(new RateLimitWaits(metrics.getIfAvailable(() -> PulseMetrics.NONE)))
                .build();
        SlackHttpClient client = new SlackHttpClient(http);
        client.setConfig(config);
        return Slack.getInstance(config, client);
    }

    /**
     * A thread for every worker that may wait on a call at once, and a few for calls made elsewhere (the doctor, the
     * dashboard's checks); without a work queue (the adapter on its own), those few.
     */
    static int callThreads(WorkProperties work) {
        return (work == null ? 0 : work.threads()) + CALL_THREADS_BESIDE_WORKERS;
    }

    /**
     * The SDK's rate limiter keeps what it knows of the calls in a store that never lets a conversation go; this one
     * keeps a conversation only while its calls of the last minute matter ({@link RecentCallsDatastore}). The store the
     * SDK made for the config is closed, which ends its thread.
     */
    static void forgetIdleConversations(MethodsConfig methods) {
        try {
            methods.getMetricsDatastore().close();
        } catch (Exception e) {
            LOG.debug("closing the Slack SDK's own call statistics failed: {}", e.toString());
        }
        methods.setMetricsDatastore(new RecentCallsDatastore());
    }

    /** Whether Slack answers; tried in the background, so that the service starts without it. */
    @Bean
    SlackConnection slackConnection(
            SlackMode mode, SlackProperties props, Slack slack, Clock clock, ObjectProvider<PulseMetrics> metrics) {
        SlackConnection connection = new SlackConnection(
                slack,
                Optional.ofNullable(mode == SlackMode.SINGLE_WORKSPACE ? props.botToken() : null),
                props.reconnectMaxDelay(),
                clock);
        metrics.getIfAvailable(() -> PulseMetrics.NONE).watchConnection(Platform.SLACK, connection::connected);
        return connection;
    }

    @Bean
    SlackHealth slackHealthIndicator(SlackConnection connection) {
        return new SlackHealth(connection);
    }

    @Bean
    SlackDoctor slackDoctor(
            Slack slack, SlackMode mode, BotTokens slackBotTokens, ObjectProvider<SlackSocketMode> socketMode) {
        // Looked up when asked: the socket comes after the app, whose commands reach the doctor.
        return new SlackDoctor(slack, mode, slackBotTokens, () -> Optional.ofNullable(socketMode.getIfAvailable()));
    }

    @Bean
    SlackRequestCheck slackRequestCheck(SlackProperties props) {
        return new SlackRequestCheck(props);
    }

    @Bean
    @ConditionalOnProperty(prefix = "slack", name = "client-id")
    JdbcInstallationService slackInstallations(
            JdbcClient jdbc, TransactionTemplate tx, SlackProperties props, Clock clock) {
        return new JdbcInstallationService(
                jdbc, tx, TokenCipher.fromBase64(props.tokenEncryptionKey()), new SlackTexts(), clock);
    }

    @Bean
    BotTokens slackBotTokens(
            SlackMode mode, SlackProperties props, Slack slack, ObjectProvider<JdbcInstallationService> installations) {
        if (mode == SlackMode.SINGLE_WORKSPACE) {
            return BotTokens.fixed(props.botToken());
        }
        TokenRotator rotator = new TokenRotator(
                slack.methods(),
                TokenRotator.DEFAULT_MILLISECONDS_BEFORE_EXPIRATION,
                props.clientId(),
                props.clientSecret());
        return BotTokens.installed(installations.getObject(), rotator);
    }

    @Bean
    SlackCalls slackCalls(
            Slack slack,
            BotTokens tokens,
            JdbcClient jdbc,
            SlackProperties props,
            Clock clock,
            ObjectProvider<PulseMetrics> metrics,
            SlackConnection connection) {
        return new SlackCalls(
                slack,
                tokens,
                new DeliveryLog(jdbc, clock),
                props,
                metrics.getIfAvailable(() -> PulseMetrics.NONE),
                connection);
    }

    @Bean
    SlackPeople slackPeople(SlackCalls calls) {
        return new SlackPeople(calls);
    }

    @Bean
    BlockKit slackBlockKit() {
        return new BlockKit(new SlackTexts());
    }

    @Bean
    SlackIms slackIms(JdbcClient jdbc, TransactionTemplate transactions, SlackCalls calls) {
        return new SlackIms(jdbc, transactions, calls);
    }

    /** A person's DM channel id goes with the rest of their data on forget-me. */
    @Bean
    PlatformPersonalData slackPersonalData(SlackIms ims) {
        return (platform, workspaceId, userId) -> platform == Platform.SLACK ? ims.forget(workspaceId, userId) : 0;
    }

    @Bean
    SlackGateway slackGateway(SlackCalls calls, SlackPeople people, SlackIms ims, BlockKit slackBlockKit) {
        return new SlackGateway(calls, people, ims, slackBlockKit);
    }

    /** Charts as private files of the app, for an install without a public address. */
    @Bean
    ImageUploads slackImageUploads(SlackCalls calls, Slack slack) {
        return new SlackFileUploads(calls, slack);
    }

    @Bean
    SlackOutbox slackOutbox(
            ObjectProvider<WorkQueue> work,
            SlackGateway gateway,
            DeliveryAttempts attempts,
            SlackProperties props,
            SlackConnection connection,
            Clock clock) {
        return new SlackOutbox(
                work::getObject,
                gateway,
                new ConversationPacer(props.conversationSpacing(), clock),
                attempts,
                connection,
                clock);
    }

    @Bean
    SlackResponses slackResponses(
            Slack slack,
            ObjectProvider<WorkQueue> work,
            SlackOutbox outbox,
            SlackGateway gateway,
            SlackRequestCheck check,
            SlackConnection connection,
            Clock clock) {
        return new SlackResponses(slack, work::getObject, outbox, gateway, check, connection, clock);
    }

    @Bean
    SlackRequests slackRequests(
            ObjectProvider<ChatInbox> inbox,
            ObjectProvider<ProcessedEvents> processed,
            SlackPeople people,
            SlackOutbox outbox,
            SlackCalls calls,
            BlockKit blockKit,
            SlackResponses responses,
            DeliveryAttempts attempts,
            SlackRequestCheck check,
            SlackConnection connection,
            Clock clock) {
        return new SlackRequests(
                inbox::getObject,
                people,
                outbox,
                calls,
                blockKit,
                new SlackTexts(),
                responses,
                attempts,
                check,
                connection,
                new EventWorkOnce(processed::getObject, clock),
                clock);
    }

    @Bean(destroyMethod = "stop")
    App slackBoltApp(
            SlackMode mode,
            SlackProperties props,
            Slack slack,
            SlackCalls calls,
            SlackPeople people,
            BlockKit blockKit,
            ObjectProvider<WorkQueue> work,
            ObjectProvider<ProcessedEvents> processed,
            ObjectProvider<JdbcInstallationService> installations,
            ObjectProvider<JdbcClient> jdbc,
            ObjectProvider<TransactionTemplate> transactions,
            SlackConnection connection,
            SlackRequestCheck check,
            Clock clock) {
        boolean multi = mode == SlackMode.MULTI_WORKSPACE;
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(props.signingSecret())
                .singleTeamBotToken(multi ? null : props.botToken())
                .clientId(multi ? props.clientId() : null)
                .clientSecret(multi ? props.clientSecret() : null)
                .redirectUri(multi && SlackProperties.isSet(props.redirectUri()) ? props.redirectUri() : null)
                .scope(multi ? String.join(",", BOT_SCOPES) : null)
                .userScope(null)
                .verificationToken(null)
                .appPath(APP_PATH)
                .oauthInstallPath(INSTALL_PATH)
                .oauthStartPath(INSTALL_PATH)
                .oauthRedirectUriPath(REDIRECT_PATH)
                .oauthCallbackPath(REDIRECT_PATH)
                .oauthCancellationUrl(null)
                .oauthCompletionUrl(null)
                // The servlet has checked the signature before Bolt sees the request.
                .requestVerificationEnabled(false)
                .allEventsApiAutoAckEnabled(true)
                .authTestCacheEnabled(true)
                .build();
        // new App(config) switches the OAuth paths off; asOAuthApp switches them on for multi-workspace mode.
        App app = new SlackHostApp(
                        config,
                        authorizeHost(props),
                        multi
                                ? Optional.empty()
                                : Optional.of(new BotIdentityAuthorization(props.botToken(), connection)))
                .asOAuthApp(multi);
        Optional<InstallationService> installed = Optional.empty();
        if (multi) {
            installed = Optional.of(installations.getObject());
            app.service(installed.get());
            app.service(new JdbcOAuthStateService(jdbc.getObject(), clock));
        }
        TransactionTemplate tx = transactions.getIfAvailable();
        Optional<GroupCommit> group = Optional.ofNullable(tx).map(t -> new GroupCommit(t, work::getObject));
        app.use(new EventDeduplication(processed::getObject, clock, OneCommit.of(tx), group));
        WorkQueue listenersQueue = group.map(GroupCommit::queue).orElse(null);
        new SlackListeners(
                        processed::getObject,
                        people,
                        calls,
                        blockKit,
                        listenersQueue == null ? work::getObject : () -> listenersQueue,
                        installed,
                        check,
                        new SlackTexts(),
                        clock)
                .register(app);
        return app;
    }

    /**
     * The SDK paces every method to its Slack tier per workspace, and chat.postMessage to one a second per
     * conversation;
     * with several instances each takes its share, so together they stay within Slack's limits.
     */
    static final class SharedRateLimits implements MethodsCustomRateLimitResolver {

        private final double share;

        /** {@code share}: this instance's share of the limits (see {@link SlackProperties#pace()}). */
        SharedRateLimits(double share) {
            this.share = share;
        }

        @Override
        public Optional<Integer> getCustomAllowedRequestsPerMinute(String teamId, String methodName) {
            MethodsRateLimitTier tier = MethodsRateLimits.lookupRateLimitTier(methodName);
            Integer allowed = tier == null ? null : MethodsRateLimitTier.getAllowedRequestsPerMinute(tier);
            return allowed == null ? Optional.empty() : Optional.of(scaled(allowed));
        }

        @Override
        public Optional<Integer> getCustomAllowedRequestsForChatPostMessagePerMinute(String teamId, String channel) {
            return Optional.of(scaled(60));
        }

        @Override
        public Optional<Integer> getCustomAllowedRequestsForAssistantThreadsSetStatusPerMinute(
                String teamId, String channel) {
            return Optional.empty();
        }

        private int scaled(int perMinute) {
            return (int) Math.max(1, Math.round(perMinute * share));
        }
    }

    /** Slack's own site, or the one SLACK_API_URL points at (its scheme and host), for the OAuth authorize page. */
    static Optional<String> authorizeHost(SlackProperties props) {
        if (!SlackProperties.isSet(props.apiUrl())) {
            return Optional.empty();
        }
        URI api = URI.create(props.apiUrl().trim());
        return Optional.of(api.getScheme() + "://" + api.getAuthority());
    }

    /**
     * Bolt's app, sending installers to the authorize page of the Slack instance the Web API calls go to; in
     * single-workspace mode with an authorization that does not need Slack to answer (see
     * {@link BotIdentityAuthorization}), so that neither starting nor a request fails while Slack is unreachable.
     */
    private static final class SlackHostApp extends App {

        private static final String SLACK_COM = "https://slack.com";

        private final Optional<String> host;
        private final Optional<Middleware> authorization;

        SlackHostApp(AppConfig config, Optional<String> host, Optional<Middleware> authorization) {
            super(config);
            this.host = host;
            this.authorization = authorization;
        }

        /** Bolt's own list (SSL check, authorization, ignoring the bot's own events) with our authorization. */
        @Override
        protected List<Middleware> buildDefaultMiddlewareList(AppConfig config) {
            if (authorization.isEmpty()) {
                return super.buildDefaultMiddlewareList(config);
            }
            if (config.isRequestVerificationEnabled()) {
                throw new IllegalStateException("the signature is checked before Bolt; Bolt's own check stays off");
            }
            List<Middleware> list = new ArrayList<>();
            if (config.isSslCheckEnabled()) {
                list.add(new SSLCheck(config.getVerificationToken()));
            }
            list.add(authorization.get());
            if (config.isIgnoringSelfEventsEnabled()) {
                list.add(new IgnoringSelfEvents(
                        config.getSlack().getConfig(), config.isIgnoringSelfAssistantMessageEventsEnabled()));
            }
            return list;
        }

        @Override
        public String buildAuthorizeUrl(String state, String nonce) {
            String url = super.buildAuthorizeUrl(state, nonce);
            if (url == null || host.isEmpty() || !url.startsWith(SLACK_COM)) {
                return url;
            }
            return host.get() + url.substring(SLACK_COM.length());
        }
    }

    /** Over Socket Mode (SLACK_APP_TOKEN) the app opens the connection itself; no request URL is served. */
    @Bean
    @Conditional(SlackSocketModeConfigured.class)
    SlackSocketMode slackSocketMode(App slackBoltApp, SlackProperties props, SlackConnection connection) {
        return new SlackSocketMode(slackBoltApp, props.appToken(), connection, props.reconnectMaxDelay());
    }

    @Bean
    @Conditional(SlackSocketModeConfigured.Not.class)
    FilterRegistrationBean<SlackEventsFilter> slackEventsFilter(App slackBoltApp, SlackProperties props, Clock clock) {
        FilterRegistrationBean<SlackEventsFilter> bean = new FilterRegistrationBean<>(new SlackEventsFilter(
                new SlackEventsServlet(slackBoltApp, new RequestSignature(props.signingSecret(), clock))));
        bean.addUrlPatterns(EVENTS_PATH);
        bean.setDispatcherTypes(DispatcherType.REQUEST);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        bean.setName("slackEvents");
        return bean;
    }

    @Bean
    @ConditionalOnProperty(prefix = "slack", name = "client-id")
    ServletRegistrationBean<SlackOAuthAppServlet> slackOAuthServlet(App slackBoltApp) {
        ServletRegistrationBean<SlackOAuthAppServlet> bean = new ServletRegistrationBean<>(
                new SlackOAuthAppServlet(slackBoltApp), APP_PATH + INSTALL_PATH, APP_PATH + REDIRECT_PATH);
        bean.setName("slackOAuth");
        return bean;
    }
}
