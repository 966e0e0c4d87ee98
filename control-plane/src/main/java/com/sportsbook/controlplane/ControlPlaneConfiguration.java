package com.sportsbook.controlplane;

import com.sportsbook.commons.web.ApiExceptionHandler;
import com.sportsbook.commons.web.InternalTokenFilter;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(ApiExceptionHandler.class)
class ControlPlaneConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(ControlPlaneSettings settings) {
        return InternalTokenFilter.registration(settings.internalToken());
    }
}
