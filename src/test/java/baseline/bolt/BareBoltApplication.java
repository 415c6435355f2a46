package baseline.bolt;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The baseline {@code StartupBenchmark} compares the service with: a Bolt app on Spring Boot as its own guide shows
 * one, with Spring MVC, the embedded Tomcat and the actuator's health endpoint, whose only handler acknowledges DMs.
 * Started in a JVM of its own on a class path without the service's libraries (databases, scheduler, security). It
 * lives outside the {@code app.trustpulse} packages so that the service's component scan never finds it in a test.
 */
@SpringBootApplication
public class BareBoltApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareBoltApplication.class, args);
    }

    @Bean
    App slackApp() {
        App app = new App(AppConfig.builder()
                .signingSecret(System.getenv().getOrDefault("SLACK_SIGNING_SECRET", "bare-signing-secret"))
                .singleTeamBotToken("xoxb-bare")
                .build());
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        return app;
    }

    @Bean
    ServletRegistrationBean<SlackAppServlet> slackServlet(App app) {
        return new ServletRegistrationBean<>(new SlackAppServlet(app), "/slack/events");
    }
}
