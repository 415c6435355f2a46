package app.trustpulse.dashboard;

import app.trustpulse.chat.LocalPeople;
import app.trustpulse.command.AdminList;
import app.trustpulse.config.PulseProperties;
import app.trustpulse.insight.TeamsIdentities;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who is signed in: the providers configured from the environment and the mapping to a platform person. */
@Configuration(proxyBeanMethods = false)
public class DashboardConfiguration {

    @Bean
    SignInProviders signInProviders(DashboardProperties properties) {
        return new SignInProviders(properties);
    }

    @Bean
    Viewers viewers(PulseProperties properties, TeamsIdentities identities, ObjectProvider<LocalPeople> localPeople) {
        return new Viewers(new AdminList(properties.admins()), identities, localPeople);
    }

    @Bean
    PublicAddressDoctor publicAddressDoctor(DashboardProperties properties) {
        return new PublicAddressDoctor(properties.publicUrl());
    }

    @Bean
    SignedIn signedIn(Viewers viewers) {
        return new SignedIn(viewers);
    }
}
