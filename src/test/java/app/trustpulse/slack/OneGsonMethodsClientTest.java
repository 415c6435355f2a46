package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.impl.OneGsonMethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Web API client that keeps one Gson answers every call as the SDK's own client does: the same response, field
 * for field, with the same headers, for a post, a look-up and an error; and the same exception when Slack fails.
 */
class OneGsonMethodsClientTest {

    private static final Gson JSON = new Gson();

    private FakeSlack fake;
    private Slack slack;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSlack().token("xoxb-1", "T1").user("U1", "Ada", "Europe/Amsterdam", false);
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(fake.apiUrl());
        slack = Slack.getInstance(config);
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        fake.close();
    }

    @Test
    void aPostIsAnsweredAsTheSdksOwnClientAnswersIt() throws Exception {
        AsyncMethodsClient kept = new OneGsonMethodsClient.Factory(slack).async("xoxb-1");
        AsyncMethodsClient sdk = slack.methodsAsync("xoxb-1");

        ChatPostMessageResponse ours = kept.chatPostMessage(q -> q.channel("D1").text("How was your week?"))
                .get(10, TimeUnit.SECONDS);
        ChatPostMessageResponse theirs = sdk.chatPostMessage(
                        q -> q.channel("D1").text("How was your week?"))
                .get(10, TimeUnit.SECONDS);

        assertThat(ours.isOk()).isTrue();
        assertThat(ours.getChannel()).isEqualTo("D1");
        assertThat(ours.getTs()).isNotBlank();
        assertThat(withoutTs(ours)).isEqualTo(withoutTs(theirs));
        assertThat(ours.getHttpResponseHeaders().keySet())
                .isNotEmpty()
                .isEqualTo(theirs.getHttpResponseHeaders().keySet())
                .allMatch(name -> name.equals(name.toLowerCase(java.util.Locale.ENGLISH)));
    }

    @Test
    void aLookUpAndAnErrorAreAnsweredAsByTheSdk() throws Exception {
        AsyncMethodsClient kept = new OneGsonMethodsClient.Factory(slack).async("xoxb-1");
        AsyncMethodsClient sdk = slack.methodsAsync("xoxb-1");

        UsersInfoResponse user = kept.usersInfo(q -> q.user("U1")).get(10, TimeUnit.SECONDS);
        assertThat(JSON.toJson(user.getUser()))
                .isEqualTo(JSON.toJson(sdk.usersInfo(q -> q.user("U1"))
                        .get(10, TimeUnit.SECONDS)
                        .getUser()));
        assertThat(user.getUser().getTz()).isEqualTo("Europe/Amsterdam");

        UsersInfoResponse missing = kept.usersInfo(q -> q.user("UNOBODY")).get(10, TimeUnit.SECONDS);
        assertThat(missing.isOk()).isFalse();
        assertThat(missing.getError())
                .isEqualTo(sdk.usersInfo(q -> q.user("UNOBODY"))
                        .get(10, TimeUnit.SECONDS)
                        .getError());

        ConversationsOpenResponse opened =
                kept.conversationsOpen(q -> q.users(java.util.List.of("U1"))).get(10, TimeUnit.SECONDS);
        assertThat(opened.getChannel().getId()).isNotBlank();
    }

    @Test
    void aFailingSlackIsTheSameFailureAsWithTheSdk() {
        fake.fail("chat.postMessage", 2);
        AsyncMethodsClient kept = new OneGsonMethodsClient.Factory(slack).async("xoxb-1");
        AsyncMethodsClient sdk = slack.methodsAsync("xoxb-1");

        SlackApiException ours = failure(kept);
        SlackApiException theirs = failure(sdk);

        assertThat(ours.getResponse().code())
                .isEqualTo(500)
                .isEqualTo(theirs.getResponse().code());
        assertThat(ours.getError().getError())
                .isEqualTo("internal_error")
                .isEqualTo(theirs.getError().getError());
    }

    private static SlackApiException failure(AsyncMethodsClient client) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> client.chatPostMessage(q -> q.channel("D1").text("hi")).get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(MethodsCompletionException.class);
        return ((MethodsCompletionException) thrown.getCause()).getSlackApiException();
    }

    private static String withoutTs(ChatPostMessageResponse r) {
        ChatPostMessageResponse copy = JSON.fromJson(JSON.toJson(r), ChatPostMessageResponse.class);
        copy.setTs(null);
        copy.setHttpResponseHeaders(null);
        if (copy.getMessage() != null) {
            copy.getMessage().setTs(null);
        }
        return JSON.toJson(copy);
    }
}
