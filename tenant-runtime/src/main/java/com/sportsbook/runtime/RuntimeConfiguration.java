package com.sportsbook.runtime;

import com.sportsbook.commons.web.ApiExceptionHandler;
import com.sportsbook.commons.web.WholeResponseFilter;
import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

@Configuration
@Import(ApiExceptionHandler.class)
class RuntimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** API responses sent whole, with their length, rather than chunked (see the filter). */
    @Bean
    FilterRegistrationBean<WholeResponseFilter> wholeResponses() {
        return WholeResponseFilter.registration("/api/*");
    }
}
