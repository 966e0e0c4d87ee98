package com.sportsbook.runtime;

import com.sportsbook.commons.web.ApiExceptionHandler;
import java.time.Clock;
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
}
