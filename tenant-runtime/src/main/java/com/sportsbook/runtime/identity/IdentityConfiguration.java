package com.sportsbook.runtime.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IdentityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RegistrationScreening registrationScreening() {
        return new NoRegistrationScreening();
    }

    @Bean
    @ConditionalOnMissingBean
    PlayerRestrictions playerRestrictions() {
        return new NoPlayerRestrictions();
    }
}
