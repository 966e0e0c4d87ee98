package com.sportsbook.gateway;

import com.sportsbook.commons.HostNames;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The first thing every request meets: resolves host to brand to tenant, and either marks the request for a backend
 * (with the tenant it was resolved to) or answers it here (unknown host, suspended tenant, /internal) so no backend
 * ever sees it. The proxied request's headers are made by {@link TrustedContextHeaders}: every client-sent tenant,
 * brand or internal header removed, the signed tenant context added.
 */
class TenantEdgeFilter implements WebFilter, Ordered {

    static final String TARGET = TenantEdgeFilter.class.getName() + ".target";
    static final String TO_RUNTIME = "runtime";
    static final String TO_CONTROL_PLANE = "control-plane";
    /** The tenant a runtime-bound request was resolved to, for the filters after this one. */
    static final String TENANT = TenantEdgeFilter.class.getName() + ".tenant";
    /** The tenant and brand a runtime-bound request was resolved to ({@link EdgeDecision.ToRuntime}). */
    static final String CONTEXT = TenantEdgeFilter.class.getName() + ".context";

    private final EdgeRouting routing;
    private final HostDirectory directory;
    private final int managementPort;

    TenantEdgeFilter(EdgeRouting routing, HostDirectory directory, int managementPort) {
        this.routing = routing;
        this.directory = directory;
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
                    yield chain.filter(exchange);
                }
                case EdgeDecision.ToRuntime toRuntime -> {
                    exchange.getAttributes().put(TARGET, TO_RUNTIME);
                    exchange.getAttributes().put(TENANT, toRuntime.tenant());
                    exchange.getAttributes().put(CONTEXT, toRuntime);
                    yield chain.filter(exchange);
                }
            };
        });
    }
}
