package app.trustpulse.teams;

import app.trustpulse.chat.PlatformPersonalData;
import app.trustpulse.chat.ProcessedEvents;
import app.trustpulse.inbound.ChatInbox;
import app.trustpulse.pulse.Platform;
import app.trustpulse.pulse.PulseMetrics;
import app.trustpulse.pulse.Texts;
import app.trustpulse.pulse.WorkQueue;
import app.trustpulse.work.DeliveryAttempts;
import app.trustpulse.work.WorkProperties;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Wires the Teams adapter. Nothing here exists unless an app id is set or unauthenticated use is switched on. */
@Configuration(proxyBeanMethods = false)
@Conditional(TeamsSwitch.class)
@EnableConfigurationProperties({MicrosoftAppSettings.class, TeamsSettings.class})
class TeamsConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsConfiguration.class);
    static final int CALLS_BESIDE_WORKERS = 8;

    TeamsConfiguration(MicrosoftAppSettings app, TeamsSettings settings) {
        if (!app.hasAppId()) {
            LOG.warn("""

                    ************************************************************************
                    *  Microsoft Teams runs WITHOUT AUTHENTICATION (TEAMS_ALLOW_UNAUTHENTICATED=true,
                    *  no MICROSOFT_APP_ID). Anyone who can reach /api/messages can act as any
                    *  user. Use this only with the Bot Framework Emulator on your own machine.
                    ************************************************************************""");
        }
        if (settings.openidMetadataUrl() != null
                && !settings.openidMetadataUrl().isBlank()) {
            ChannelValidation.setOpenIdMetaDataUrl(settings.openidMetadataUrl());
        }
    }

    @Bean
    CredentialProvider teamsCredentialProvider(MicrosoftAppSettings app) {
        return new SimpleCredentialProvider(app.appIdOrEmpty(), app.passwordOrEmpty());
    }

    /** The bot's own credentials on calls to the Bot Connector; none when running unauthenticated. */
    @Bean
    AppCredentials teamsAppCredentials(MicrosoftAppSettings app) {
        if (!app.hasAppId()) {
            return MicrosoftAppCredentials.empty();
        }
        return new MicrosoftAppCredentials(
                app.appIdOrEmpty(),
                app.passwordOrEmpty(),
                app.singleTenant() ? app.tenantId().trim() : null);
    }

    @Bean
    TeamsDoctor teamsDoctor(MicrosoftAppSettings app, AppCredentials teamsAppCredentials) {
        return new TeamsDoctor(app, teamsAppCredentials);
    }

    @Bean
    ActivityAuthenticator teamsActivityAuthenticator(CredentialProvider teamsCredentialProvider) {
        return new ActivityAuthenticator(teamsCredentialProvider, new SimpleChannelProvider());
    }

    @Bean
    SendPacer.Sleeper teamsSleeper() {
        return duration -> Thread.sleep(duration.toMillis());
    }

    /** Paces what this instance sends to its share of Teams' limits. */
    @Bean
    SendPacer teamsSendPacer(TeamsSettings settings, SendPacer.Sleeper teamsSleeper, Clock clock) {
        return new SendPacer(clock, teamsSleeper, settings.rateShare());
    }

    @Bean
    Retrying teamsRetrying(
            TeamsSettings settings,
            SendPacer teamsSendPacer,
            SendPacer.Sleeper teamsSleeper,
            ObjectProvider<PulseMetrics> metrics,
            Clock clock) {
        return new Retrying(
                teamsSendPacer, teamsSleeper, settings, metrics.getIfAvailable(() -> PulseMetrics.NONE), clock);
    }

    @Bean
    ConversationStore teamsConversationStore(JdbcClient jdbc, Clock clock) {
        return new ConversationStore(jdbc, clock);
    }

    /** A person's 1:1 conversation reference goes with the rest of their data on forget-me. */
    @Bean
    PlatformPersonalData teamsPersonalData(ConversationStore teamsConversationStore) {
        return (platform, tenantId, userId) ->
                platform == Platform.TEAMS ? teamsConversationStore.removeUser(tenantId, userId) : 0;
    }

    @Bean
    TeamsGateway teamsGateway(
            ConversationStore teamsConversationStore,
            AppCredentials teamsAppCredentials,
            Retrying teamsRetrying,
            ObjectProvider<Texts> texts,
            TeamsSettings settings,
            ObjectProvider<WorkProperties> work) {
        return new TeamsGateway(
                teamsConversationStore,
                new Connector(teamsAppCredentials, concurrentCalls(work.getIfAvailable(), settings)),
                teamsRetrying,
                new CardRenderer(texts.getIfAvailable(Texts::new)),
                settings.parallelSends());
    }

    /**
     * Every worker may wait on as many calls at once as a round sends side by side, and a few calls are made elsewhere
     * (the doctor, a welcome); without a work queue (the adapter on its own), those few and one round's.
     */
    static int concurrentCalls(WorkProperties work, TeamsSettings settings) {
        return (work == null ? 1 : work.threads()) * settings.parallelSends() + CALLS_BESIDE_WORKERS;
    }

    /** Tokens for Microsoft Graph in a team's tenant, with the bot's own app registration; none without one. */
    @Bean
    GraphTokens teamsGraphTokens(MicrosoftAppSettings app) {
        return new GraphTokens.ClientCredentials(app.appIdOrEmpty(), app.passwordOrEmpty());
    }

    @Bean
    TeamOwners teamsOwners(GraphTokens teamsGraphTokens, TeamsSettings settings) {
        return new TeamOwners(teamsGraphTokens::token, settings.graphUrl());
    }

    @Bean
    TeamsOutbox teamsOutbox(
            ObjectProvider<WorkQueue> work,
            TeamsGateway teamsGateway,
            SendPacer teamsSendPacer,
            DeliveryAttempts attempts,
            Clock clock) {
        return new TeamsOutbox(
                work::getObject,
                teamsGateway,
                new ReplyPacer(teamsSendPacer.perConversation(), clock),
                attempts,
                clock);
    }

    @Bean
    PulseActivities teamsActivities(
            ChatInbox inbox,
            ConversationStore teamsConversationStore,
            TeamsGateway teamsGateway,
            TeamsOutbox teamsOutbox,
            TeamOwners teamsOwners,
            ProcessedEvents processedEvents,
            ObjectProvider<Texts> texts,
            Clock clock) {
        return new PulseActivities(
                inbox,
                teamsConversationStore,
                teamsGateway,
                teamsOutbox,
                teamsOwners,
                processedEvents,
                texts.getIfAvailable(Texts::new),
                clock);
    }

    @Bean
    TeamsActivityWork teamsActivityWork(PulseActivities teamsActivities, DeliveryAttempts attempts, Clock clock) {
        return new TeamsActivityWork(teamsActivities, attempts, clock);
    }
}
