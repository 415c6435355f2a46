package app.trustpulse.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.util.SlackRequestParser;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckedEventRequestTest {

    private static final AppConfig CONFIG = AppConfig.builder()
            .singleTeamBotToken("xoxb-test")
            .signingSecret("secret")
            .requestVerificationEnabled(false)
            .build();

    private final SlackPayloadShape shape = new SlackPayloadShape();

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a DM, with the installation in authorizations
                "{\"type\":\"event_callback\",\"team_id\":\"T0SRC\",\"api_app_id\":\"A0APP\",\"event_id\":\"Ev0DM\","
                        + "\"event_time\":1700000000,\"authorizations\":[{\"enterprise_id\":\"E0ORG\","
                        + "\"team_id\":\"T0WS\",\"user_id\":\"U0BOT\",\"is_bot\":true}],"
                        + "\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"channel\":\"D0MEM\","
                        + "\"user\":\"U0MEM\",\"text\":\"4 4 5\",\"ts\":\"1700000000.000100\"}}",
                // someone joining a channel, the workspace only at the top
                "{\"type\":\"event_callback\",\"team_id\":\"T0WS\",\"enterprise_id\":\"E0ORG\","
                        + "\"event_id\":\"Ev0JOIN\",\"event\":{\"type\":\"member_joined_channel\","
                        + "\"user\":\"U0NEW\",\"channel\":\"C0TEAM\",\"event_ts\":\"1700000000.000200\"}}",
                // the Home tab, a channel given as channel_id
                "{\"type\":\"event_callback\",\"team_id\":\"T0WS\",\"event_id\":\"Ev0HOME\","
                        + "\"event\":{\"type\":\"app_home_opened\",\"user\":\"U0MEM\",\"channel_id\":\"D0MEM\","
                        + "\"tab\":\"home\"}}",
                // an edited message: its subtype, and its user inside
                "{\"type\":\"event_callback\",\"team_id\":\"T0WS\",\"event_id\":\"Ev0EDIT\","
                        + "\"event\":{\"type\":\"message\",\"subtype\":\"message_changed\",\"channel\":\"D0MEM\","
                        + "\"channel_type\":\"im\",\"message\":{\"user\":\"U0MEM\",\"text\":\"5\"},"
                        + "\"ts\":\"1700000000.000300\"}}"
            })
    void anEventCallbackIsBuiltAsBoltsParserBuildsIt(String body) {
        RequestHeaders headers = new RequestHeaders(new TreeMap<>(Map.of(
                "X-Slack-Retry-Num", List.of("2"),
                "X-Slack-Retry-Reason", List.of("http_timeout"),
                "X-Forwarded-For", List.of("203.0.113.9"))));
        Map<String, List<String>> query = Map.of("from", List.of("proxy"));

        SlackPayloadShape.Checked checked = shape.check(body);
        assertThat(checked.problem()).isEmpty();
        assertThat(checked.event()).isPresent();
        assertThat(CheckedEventRequest.builds(checked.event().get())).isTrue();
        CheckedEventRequest built =
                CheckedEventRequest.of(checked.event().get(), body, headers, query, "10.0.0.1", CONFIG);
        Request<?> parsed = new SlackRequestParser(CONFIG)
                .parse(SlackRequestParser.HttpRequest.builder()
                        .requestUri("/slack/events")
                        .queryString(query)
                        .headers(headers)
                        .requestBody(body)
                        .remoteAddress("10.0.0.1")
                        .build());

        assertThat(parsed).isExactlyInstanceOf(EventRequest.class);
        EventRequest bolt = (EventRequest) parsed;
        assertThat(built.getRequestType()).isEqualTo(bolt.getRequestType());
        assertThat(built.getEventType()).isEqualTo(bolt.getEventType());
        assertThat(built.getEventTypeAndSubtype()).isEqualTo(bolt.getEventTypeAndSubtype());
        assertThat(built.getRequestBodyAsString()).isEqualTo(bolt.getRequestBodyAsString());
        assertThat(built.getQueryString()).isEqualTo(bolt.getQueryString());
        assertThat(built.getClientIpAddress())
                .isEqualTo(bolt.getClientIpAddress())
                .isEqualTo("203.0.113.9");
        assertThat(built.getContext())
                .usingRecursiveComparison()
                .ignoringFields("slack", "logger")
                .isEqualTo(bolt.getContext());
        assertThat(built.getContext().getSlack()).isSameAs(bolt.getContext().getSlack());
        assertThat(built.getContext().getBotToken()).isEqualTo("xoxb-test");
        assertThat(built.getContext().getRetryNum()).isEqualTo(2);
    }

    @Test
    void theCheckReadsTheEventIdAndTypeOfAnEventCallbackOnly() {
        SlackPayloadShape.Checked dm = shape.check("{\"type\":\"event_callback\",\"team_id\":\"T0WS\","
                + "\"event_id\":\"Ev0DM\",\"event\":{\"type\":\"message\",\"channel\":\"D0MEM\",\"user\":\"U0MEM\"}}");
        assertThat(dm.event()).contains(new SlackPayloadShape.EventCallback("Ev0DM", "message"));

        SlackPayloadShape.Checked verification =
                shape.check("{\"type\":\"url_verification\",\"challenge\":\"abc\",\"token\":\"t\"}");
        assertThat(verification.problem()).isEmpty();
        assertThat(verification.event()).isEmpty();

        SlackPayloadShape.Checked command = shape.check("command=%2Fpulse&team_id=T0WS&user_id=U0ADM"
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2F1&text=help");
        assertThat(command.problem()).isEmpty();
        assertThat(command.event()).isEmpty();

        SlackPayloadShape.Checked broken = shape.check("{\"type\":\"event_callback\",\"event\":{}}");
        assertThat(broken.problem()).isPresent();
        assertThat(broken.event()).isEmpty();
    }

    @Test
    void aWorkflowStepEventIsLeftToBoltsParser() {
        assertThat(CheckedEventRequest.builds(new SlackPayloadShape.EventCallback("Ev0WF", "workflow_step_execute")))
                .isFalse();
        assertThat(CheckedEventRequest.builds(new SlackPayloadShape.EventCallback("Ev0DM", "message")))
                .isTrue();
    }
}
