package com.sportsbook.gateway;

import com.sportsbook.commons.identity.RealmTokens;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A bearer token on a brand host must come from the realm of that host's tenant: verified here against that
 * realm's keys and issuer, and refused with 401 before any backend sees it. Verifiers are built per tenant on
 * first use, so tenants added at runtime need no restart. Requests without a token pass; the runtime decides
 * which endpoints need one, and verifies the token again.
 */
class TenantTokenFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TenantTokenFilter.class);
    static final String UNAUTHENTICATED = "unauthenticated";

    private final GatewaySettings settings;
    private final Map<String, ReactiveJwtDecoder> decoders = new ConcurrentHashMap<>();

    TenantTokenFilter(GatewaySettings settings) {
        this.settings = settings;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String tenant = exchange.getAttribute(TenantEdgeFilter.TENANT);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (tenant == null || authorization == null) {
            return chain.filter(exchange);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() <= 7) {
            return refuse(exchange);
        }
        String token = authorization.substring(7).trim();
        return decoders.computeIfAbsent(tenant, this::decoderFor)
                .decode(token)
                .flatMap(valid -> chain.filter(exchange))
                .onErrorResume(JwtException.class, invalid -> {
                    log.debug("token refused on tenant {}: {}", tenant, invalid.getMessage());
                    return refuse(exchange);
                });
    }

    private ReactiveJwtDecoder decoderFor(String tenant) {
        String issuer = settings.issuerOf(tenant);
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withJwkSetUri(RealmTokens.jwkSetUri(issuer)).build();
        decoder.setJwtValidator(RealmTokens.validator(issuer, settings.tokenClockSkew()));
        return decoder;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return EdgeResponses.write(exchange, new EdgeDecision.Refuse(401, UNAUTHENTICATED, "Unauthorized",
                "The token is invalid, expired, or was not issued for this brand's operator.", null));
    }
}
