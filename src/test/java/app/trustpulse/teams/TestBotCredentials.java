package app.trustpulse.teams;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.microsoft.aad.msal4j.IAuthenticationResult;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's outgoing credentials in tests: the same interceptor as production, but the access token comes from
 * here instead of Microsoft Entra ID, so no test reaches the internet.
 */
final class TestBotCredentials extends AppCredentials {

    static final String ACCESS_TOKEN = "bot-access-token-for-tests";

    TestBotCredentials(String appId) {
        super(null);
        setAppId(appId);
    }

    @Override
    protected Authenticator buildAuthenticator() {
        IAuthenticationResult result = mock(IAuthenticationResult.class);
        when(result.accessToken()).thenReturn(ACCESS_TOKEN);
        return () -> CompletableFuture.completedFuture(result);
    }
}
