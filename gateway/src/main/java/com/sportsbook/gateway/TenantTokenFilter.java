package com.sportsbook.gateway;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.identity.VerifiedTokens;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
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
 * which endpoints need one, and verifies the token again. A token verified once is known until it expires
 * ({@link VerifiedTokens}).
 */
class TenantTokenFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(TenantTokenFilter.class);
    static final String UNAUTHENTICATED = "unauthenticated";

    private final GatewaySettings settings;
    private final Map<String, Verifier> verifiers = new ConcurrentHashMap<>();

    /** A tenant realm's verifier, and the tokens it has accepted before. */
    private record Verifier(ReactiveJwtDecoder decoder, VerifiedTokens verified) {
    }

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
        Verifier verifier = verifiers.computeIfAbsent(tenant, this::verifierFor);
        try {
            if (verifier.verified().known(token) != null) {
                return chain.filter(exchange);
            }
        } catch (JwtException expired) {
            log.debug("token refused on tenant {}: {}", tenant, expired.getMessage());
            return refuse(exchange);
        }
        return verifier.decoder()
                .decode(token)
                .doOnNext(valid -> verifier.verified().remember(token, valid))
                .flatMap(valid -> chain.filter(exchange))
                .onErrorResume(JwtException.class, invalid -> {
                    log.debug("token refused on tenant {}: {}", tenant, invalid.getMessage());
                    return refuse(exchange);
                });
    }

    private Verifier verifierFor(String tenant) {
        String issuer = settings.issuerOf(tenant);
        NimbusReactiveJwtDecoder decoder =
                NimbusReactiveJwtDecoder.withJwkSetUri(RealmTokens.jwkSetUri(issuer)).build();
        OAuth2TokenValidator<Jwt> validator = RealmTokens.validator(issuer, settings.tokenClockSkew());
        decoder.setJwtValidator(validator);
        return new Verifier(decoder, new VerifiedTokens(validator, RealmTokens.VERIFIED_TOKENS_KEPT, Clock.systemUTC()));
    }

    private static Mono<Void> refuse(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        return EdgeResponses.write(exchange, new EdgeDecision.Refuse(401, UNAUTHENTICATED, "Unauthorized",
                "The token is invalid, expired, or was not issued for this brand's operator.", null));
    }
}
