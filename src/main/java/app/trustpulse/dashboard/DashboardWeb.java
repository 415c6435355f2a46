package app.trustpulse.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** The dashboard speaks Dutch or English: the browser's choice, or the one picked with ?lang=nl / ?lang=en. */
@Configuration(proxyBeanMethods = false)
class DashboardWeb implements WebMvcConfigurer {

    private static final Locale DUTCH = new Locale("nl");

    /** The page texts; the bundle has only its Dutch and English files, so there is no base file to fall back on. */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/dashboard");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.ENGLISH);
        return source;
    }

    /** Error pages in the dashboard's look for browsers; the platform endpoints keep Spring's own answers. */
    @Bean
    ErrorViewResolver dashboardErrorPages() {
        return new ErrorPages();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver cookie = new CookieLocaleResolver("trust-pulse-lang");
        cookie.setDefaultLocaleFunction(request -> supported(request.getLocale()));
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(cookie.resolveLocale(request));
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                cookie.setLocale(request, response, locale == null ? null : supported(locale));
            }
        };
    }

    /** Dutch or English; any other language reads English. */
    static Locale supported(Locale locale) {
        return locale != null && "nl".equals(locale.getLanguage()) ? DUTCH : Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/dashboard", "/dashboard/**");
    }
}
