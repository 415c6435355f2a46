package app.trustpulse.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A query string Tomcat cannot decode ({@code ?x=%ff}, which is no UTF-8, or {@code ?x=%zz}), or one with more
 * parameters than it allows, is the client's mistake. Tomcat reports it when the parameters are first read, and
 * answers the status it carries (400) itself when the exception reaches it bare: quietly, at debug level. Read inside
 * Spring MVC, though (the dashboard's {@code ?lang=} switch, an actuator endpoint's arguments), the exception leaves
 * the DispatcherServlet wrapped as a failed request, which Tomcat logs as an error with a stack trace. This resolver
 * gives Spring MVC the answer Tomcat would give; the management server's DispatcherServlet finds it here too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(InvalidParameterException.class)
class MalformedParameters {

    @Bean
    HandlerExceptionResolver malformedParametersResolver() {
        return new Resolver();
    }

    static final class Resolver implements HandlerExceptionResolver, Ordered {

        private static final Logger LOG = LoggerFactory.getLogger(MalformedParameters.class);

        @Override
        public ModelAndView resolveException(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
            InvalidParameterException invalid = find(ex);
            if (invalid == null) {
                return null;
            }
            // The exception's message quotes the parameter; it stays out of the log but at debug level.
            LOG.debug("{} {}: parameters not readable", request.getMethod(), request.getRequestURI(), invalid);
            try {
                response.sendError(invalid.getErrorCode());
            } catch (IOException e) {
                LOG.debug("the answer to a request with unreadable parameters could not be sent", e);
            }
            return new ModelAndView();
        }

        private static InvalidParameterException find(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof InvalidParameterException invalid) {
                    return invalid;
                }
            }
            return null;
        }

        /**
         * Before Spring MVC's own resolvers, which would not know Tomcat's exception; after Boot's error attributes.
         */
        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }
}
