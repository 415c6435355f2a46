package app.trustpulse.dashboard;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that meets an error (an unknown address, a request that does not read, no access, a fault of ours) gets a
 * page in the dashboard's look and in its language, with a way back. The platform endpoints, the actuator and the
 * playground answer as before: this only ever applies to a client that asked for HTML, and never on those paths.
 */
final class ErrorPages implements ErrorViewResolver {

    /** Paths whose errors stay Spring's own: bots, probes and the playground's API get JSON, as they always did. */
    private static final List<String> LEFT_ALONE =
            List.of("/slack", "/api", "/actuator", "/playground", "/pulse-charts");

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (leftAlone(path(request))) {
            return null;
        }
        ModelAndView page = new ModelAndView("dashboard/error", status);
        page.addObject("status", status.value());
        page.addObject("kind", kind(status));
        return page;
    }

    /** Which explanation the page gives: not found, forbidden, a fault of ours, or a request that did not read. */
    static String kind(HttpStatus status) {
        if (status == HttpStatus.NOT_FOUND) {
            return "notFound";
        }
        if (status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED) {
            return "forbidden";
        }
        return status.is5xxServerError() ? "serverError" : "badRequest";
    }

    static boolean leftAlone(String path) {
        return LEFT_ALONE.stream().anyMatch(root -> path.equals(root) || path.startsWith(root + "/"));
    }

    private static String path(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && path.startsWith(context)
                ? path.substring(context.length())
                : path;
    }
}
