package app.trustpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import app.trustpulse.pulse.Language;
import app.trustpulse.pulse.Texts;
import jakarta.servlet.RequestDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

/** Which errors get the dashboard's page, with which explanation, and which paths keep Spring's own answer. */
class ErrorPagesTest {

    private final ErrorPages pages = new ErrorPages();

    @Test
    void eachStatusGetsItsExplanationAndKeepsItsStatus() {
        Map<HttpStatus, String> kinds = Map.of(
                HttpStatus.NOT_FOUND,
                "notFound",
                HttpStatus.BAD_REQUEST,
                "badRequest",
                HttpStatus.FORBIDDEN,
                "forbidden",
                HttpStatus.INTERNAL_SERVER_ERROR,
                "serverError",
                HttpStatus.METHOD_NOT_ALLOWED,
                "badRequest",
                HttpStatus.SERVICE_UNAVAILABLE,
                "serverError");
        kinds.forEach((status, kind) -> {
            ModelAndView page = pages.resolveErrorView(failed("/dashboard/teams/1"), status, Map.of());
            assertThat(page).as("%s", status).isNotNull();
            assertThat(page.getViewName()).isEqualTo("dashboard/error");
            assertThat(page.getStatus()).isEqualTo(status);
            assertThat(page.getModel()).containsEntry("kind", kind).containsEntry("status", status.value());
        });
    }

    @Test
    void everyExplanationExistsInBothLanguages() {
        Texts texts = new Texts();
        for (Language lang : Language.values()) {
            for (String kind : new String[] {"notFound", "badRequest", "forbidden", "serverError"}) {
                assertThat(texts.has(lang, "dashboard.error." + kind + ".title"))
                        .as("%s %s", lang, kind)
                        .isTrue();
                assertThat(texts.has(lang, "dashboard.error." + kind + ".text"))
                        .as("%s %s", lang, kind)
                        .isTrue();
            }
        }
    }

    @Test
    void theBotsProbesAndThePlaygroundKeepSpringsOwnAnswer() {
        for (String path : new String[] {
            "/slack/events",
            "/slack",
            "/api/messages",
            "/actuator/health",
            "/actuator",
            "/playground/api/state",
            "/pulse-charts/x.png"
        }) {
            assertThat(pages.resolveErrorView(failed(path), HttpStatus.NOT_FOUND, Map.of()))
                    .as(path)
                    .isNull();
        }
        for (String path : new String[] {"/", "/slackers", "/apidocs", "/dashboard/x", "/favicon.ico"}) {
            assertThat(pages.resolveErrorView(failed(path), HttpStatus.NOT_FOUND, Map.of()))
                    .as(path)
                    .isNotNull();
        }
    }

    private static MockHttpServletRequest failed(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, path);
        return request;
    }
}
