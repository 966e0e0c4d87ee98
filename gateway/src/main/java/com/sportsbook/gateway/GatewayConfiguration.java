package com.sportsbook.gateway;

import com.sportsbook.commons.TenantContextSignature;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class GatewayConfiguration {

    /** Only signs here; how old a signed context may be is the runtime's check (runtime.tenancy.context-max-age). */
    private static final Duration UNUSED_BY_SIGNER = Duration.ZERO;

    /** The management server (health probes) is its own port; the tenant edge does not apply to it. */
    @Bean
    TenantEdgeFilter tenantEdgeFilter(GatewaySettings settings, HostDirectory directory,
            @Value("${management.server.port}") int managementPort) {
        return new TenantEdgeFilter(new EdgeRouting(new HashSet<>(settings.platformHosts())), directory, managementPort);
    }

    @Bean
    TrustedContextHeaders trustedContextHeaders(GatewaySettings settings) {
        return new TrustedContextHeaders(new TenantContextSignature(settings.signingSecret(), UNUSED_BY_SIGNER),
                new ClientAddress(settings.trustedProxies()), Clock.systemUTC());
    }

    /** Spring Cloud Gateway's request-header filters out; their work is in {@link TrustedContextHeaders}. */
    @Bean
    static OneCopyOfRequestHeaders oneCopyOfRequestHeaders() {
        return new OneCopyOfRequestHeaders();
    }

    @Bean
    HopByHopResponseHeaders hopByHopResponseHeaders() {
        return new HopByHopResponseHeaders();
    }

    @Bean
    TenantTokenFilter tenantTokenFilter(GatewaySettings settings) {
        return new TenantTokenFilter(settings);
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
