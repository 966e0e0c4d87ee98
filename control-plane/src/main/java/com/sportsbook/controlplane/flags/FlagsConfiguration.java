package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.templates.TemplateCatalog;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The Unleash sync exists only where an Unleash server is configured; the embedded mode runs without one. */
@Configuration
class FlagsConfiguration {

    @Bean
    @ConditionalOnExpression("'${control-plane.flags.unleash.url:}'.trim() != ''")
    UnleashSync unleashSync(RestClient.Builder builder, FlagsSettings settings, FlagStore store, Flags flags,
            TemplateCatalog templates, Clock clock) {
        return new UnleashSync(new UnleashAdmin(builder, settings.unleash()), store, flags, templates, settings.unleash(), clock);
    }
}
