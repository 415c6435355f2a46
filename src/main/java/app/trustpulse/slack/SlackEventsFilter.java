package app.trustpulse.slack;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Serves Slack's request URL first, before Spring's web filters: the signature is the request's only credential and
 * the servlet checks it, so Spring Security's chain (its firewall reads every header through a pattern), the request
 * context, the character encoding and the form-content filters add nothing but CPU to each acknowledgement. Only
 * requests dispatched from the connector come this way; an error page is dispatched through the usual chain.
 */
final class SlackEventsFilter implements Filter {

    private final SlackEventsServlet servlet;

    SlackEventsFilter(SlackEventsServlet servlet) {
        this.servlet = servlet;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        servlet.service(request, response);
    }
}
