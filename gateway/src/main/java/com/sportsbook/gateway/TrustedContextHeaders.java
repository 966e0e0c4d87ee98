package com.sportsbook.gateway;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of a proxied request, as a backend gets them: every client-sent tenant, brand or internal header
 * removed and, on a call bound for the runtime, the tenant context the edge resolved ({@link TenantEdgeFilter#CONTEXT}),
 * signed. Every call also carries the client's address in {@code X-Forwarded-For}, replacing whatever the client sent:
 * the request's remote address as Reactor Netty reports it (the socket's peer), so that a backend records who acted,
 * not the gateway (ADR 0034).
 * Applied last, as the gateway builds the proxied request from the client's, so that the headers are copied once and
 * no other header filter can put a reserved header back.
 */
final class TrustedContextHeaders implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TenantContextSignature signature;
    private final Clock clock;

    TrustedContextHeaders(TenantContextSignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (!TrustedHeaders.isReserved(header.getKey())) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        String client = clientAddress(exchange);
        if (client != null) {
            headers.set(FORWARDED_FOR, client);
        } else {
            headers.remove(FORWARDED_FOR);
        }
        EdgeDecision.ToRuntime context = exchange.getAttribute(TenantEdgeFilter.CONTEXT);
        if (context != null) {
            long issuedAt = clock.instant().getEpochSecond();
            headers.set(TrustedHeaders.TENANT_ID, context.tenant());
            headers.set(TrustedHeaders.BRAND_ID, context.brand());
            headers.set(TrustedHeaders.ISSUED_AT, Long.toString(issuedAt));
            headers.set(TrustedHeaders.SIGNATURE, signature.sign(context.tenant(), context.brand(), issuedAt));
        }
        return headers;
    }

    /** The client's IP address as text (no port), or null when the connection has none (never on a real socket). */
    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
