package com.sportsbook.gateway;

import com.sportsbook.commons.HostNames;
import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import java.time.Clock;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: resolves host to brand to tenant, strips every client-sent tenant, brand or
 * internal header, and either sets the signed tenant headers and marks the request for a backend, or answers it
 * here (unknown host, suspended tenant, /internal) so no backend ever sees it.
 */
class TenantEdgeFilter implements WebFilter, Ordered {

    static final String TARGET = TenantEdgeFilter.class.getName() + ".target";
    static final String TO_RUNTIME = "runtime";
    static final String TO_CONTROL_PLANE = "control-plane";
    /** The tenant a runtime-bound request was resolved to, for the filters after this one. */
    static final String TENANT = TenantEdgeFilter.class.getName() + ".tenant";

    private final EdgeRouting routing;
    private final HostDirectory directory;
    private final TenantContextSignature signature;
    private final Clock clock;
    private final int managementPort;

    TenantEdgeFilter(EdgeRouting routing, HostDirectory directory, TenantContextSignature signature, Clock clock,
            int managementPort) {
        this.routing = routing;
        this.directory = directory;
        this.signature = signature;
        this.clock = clock;
        this.managementPort = managementPort;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (request.getLocalAddress() != null && request.getLocalAddress().getPort() == managementPort) {
            return chain.filter(exchange);
        }
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        String path = request.getPath().value();
        Mono<HostDirectory.Lookup> lookup = routing.isPlatformHost(host)
                ? Mono.just(directory::find)
                : directory.lookupFor(HostNames.normalise(host).orElse(""));
        return lookup.flatMap(hosts -> {
            EdgeDecision decision = routing.decide(host, path, hosts);
            return switch (decision) {
                case EdgeDecision.Refuse refuse -> EdgeResponses.write(exchange, refuse);
                case EdgeDecision.ToControlPlane toControlPlane -> {
                    exchange.getAttributes().put(TARGET, TO_CONTROL_PLANE);
                    yield chain.filter(exchange.mutate().request(stripped(request, null)).build());
                }
                case EdgeDecision.ToRuntime toRuntime -> {
                    exchange.getAttributes().put(TARGET, TO_RUNTIME);
                    exchange.getAttributes().put(TENANT, toRuntime.tenant());
                    yield chain.filter(exchange.mutate().request(stripped(request, toRuntime)).build());
                }
            };
        });
    }

    /** Removes client-sent reserved headers; for runtime traffic, adds the signed tenant context. */
    private ServerHttpRequest stripped(ServerHttpRequest request, EdgeDecision.ToRuntime tenant) {
        return request.mutate().headers(headers -> {
            List<String> reserved = headers.headerNames().stream().filter(TrustedHeaders::isReserved).toList();
            reserved.forEach(headers::remove);
            if (tenant != null) {
                long issuedAt = clock.instant().getEpochSecond();
                headers.set(TrustedHeaders.TENANT_ID, tenant.tenant());
                headers.set(TrustedHeaders.BRAND_ID, tenant.brand());
                headers.set(TrustedHeaders.ISSUED_AT, Long.toString(issuedAt));
                headers.set(TrustedHeaders.SIGNATURE, signature.sign(tenant.tenant(), tenant.brand(), issuedAt));
            }
        }).build();
    }
}
