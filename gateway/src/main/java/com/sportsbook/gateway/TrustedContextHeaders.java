package com.sportsbook.gateway;

import com.sportsbook.commons.TenantContextSignature;
import com.sportsbook.commons.TrustedHeaders;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers of a proxied request, as a backend gets them: every client-sent tenant, brand or internal header
 * removed and, on a call bound for the runtime, the tenant context the edge resolved ({@link TenantEdgeFilter#CONTEXT}),
 * signed. Every call also carries the client's address in {@code X-Forwarded-For}, replacing whatever the client sent:
 * the socket's peer, or, when that peer is one of the deployment's own proxies, the client those proxies name
 * ({@link ClientAddress}), so that a backend records who acted, not the gateway or a load balancer (ADR 0034). The
 * client's other forwarding headers ({@code Forwarded}, {@code X-Forwarded-*}) and its hop-by-hop headers (RFC 9110
 * 7.6.1: the standard ones and any its {@code Connection} header names) stop here too.
 * <p>
 * This is the gateway's only request-header filter: Spring Cloud Gateway's own three (hop-by-hop, {@code Forwarded},
 * {@code X-Forwarded-*}), each a full copy of every request's headers, are taken out by {@link OneCopyOfRequestHeaders}
 * and their work is done here, in the one copy. Applied last, so that no other filter can put a reserved header back.
 */
final class TrustedContextHeaders implements HttpHeadersFilter, Ordered {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    /** Hop-by-hop headers a client may send (Spring Cloud Gateway's list, lower case), never forwarded. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "proxy-authorization", "proxy-authenticate", "x-application-context", "upgrade");

    private final TenantContextSignature signature;
    private final ClientAddress clients;
    private final Clock clock;

    TrustedContextHeaders(TenantContextSignature signature, ClientAddress clients, Clock clock) {
        this.signature = signature;
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        Set<String> connectionOptions = connectionOptions(input);
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            if (!stopsHere(header.getKey().toLowerCase(Locale.ROOT), connectionOptions)) {
                headers.put(header.getKey(), header.getValue());
            }
        }
        String client = clientAddress(exchange, input.get(FORWARDED_FOR));
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

    /** Whether a client's header (its name in lower case) is kept from the backend. */
    private static boolean stopsHere(String name, Set<String> connectionOptions) {
        return TrustedHeaders.isReserved(name) || HOP_BY_HOP.contains(name) || name.equals("forwarded")
                || name.startsWith("x-forwarded-") || connectionOptions.contains(name);
    }

    /** The header names the client's {@code Connection} header lists (hop-by-hop by RFC 9110), in lower case. */
    private static Set<String> connectionOptions(HttpHeaders input) {
        List<String> values = input.get(HttpHeaders.CONNECTION);
        if (values == null || values.isEmpty()) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        for (String value : values) {
            for (String option : value.split(",")) {
                String name = option.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** The client's IP address as text (no port), or null when the connection has none (never on a real socket). */
    private String clientAddress(ServerWebExchange exchange, List<String> forwardedFor) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        if (remote.getAddress() == null) {
            return remote.getHostString();
        }
        return clients.resolve(remote.getAddress(), forwardedFor).getHostAddress();
    }
}
