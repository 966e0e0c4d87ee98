package com.sportsbook.gateway;

import com.sportsbook.commons.TenantContextSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GatewayConfiguration {

    /** The tenant context is signed per request, so a short validity is enough and limits replay. */
    private static final Duration SIGNED_CONTEXT_VALIDITY = Duration.ofSeconds(60);

    @Bean
    TenantEdgeFilter tenantEdgeFilter(GatewaySettings settings, HostDirectory directory) {
        return new TenantEdgeFilter(new EdgeRouting(new HashSet<>(settings.platformHosts())), directory,
                new TenantContextSignature(settings.signingSecret(), SIGNED_CONTEXT_VALIDITY), Clock.systemUTC());
    }

    @Bean
    RouteLocator routes(RouteLocatorBuilder builder, GatewaySettings settings) {
        return builder.routes()
                .route("tenant-runtime", route -> route
                        .predicate(exchange -> TenantEdgeFilter.TO_RUNTIME.equals(exchange.getAttribute(TenantEdgeFilter.TARGET)))
                        .uri(settings.runtimeUrl()))
                .route("control-plane", route -> route
                        .predicate(exchange -> TenantEdgeFilter.TO_CONTROL_PLANE.equals(exchange.getAttribute(TenantEdgeFilter.TARGET)))
                        .uri(settings.controlPlaneUrl()))
                .build();
    }
}
