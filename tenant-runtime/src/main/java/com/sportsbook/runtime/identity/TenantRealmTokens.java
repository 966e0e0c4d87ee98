package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.identity.VerifiedTokens;
import com.sportsbook.runtime.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Picks the token verifier for a request by the tenant the gateway bound, never by anything in the token: a token
 * is checked against the keys and issuer of that tenant's realm only, so tenant A's token on tenant B's host fails
 * the signature and the issuer check. Verifiers are built on first use per tenant, so tenants added at runtime need
 * no restart; each keeps the tokens it verified until they expire ({@link VerifiedTokens}).
 */
@Component
class TenantRealmTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    private final IdentitySettings settings;
    private final Map<String, AuthenticationManager> byTenant = new ConcurrentHashMap<>();

    TenantRealmTokens(IdentitySettings settings) {
        this.settings = settings;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String tenant = TenantContext.require().slug().value();
        return byTenant.computeIfAbsent(tenant, this::verifierFor);
    }

    private AuthenticationManager verifierFor(String tenant) {
        String issuer = settings.issuerOf(tenant);
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(RealmTokens.jwkSetUri(issuer)).build();
        OAuth2TokenValidator<Jwt> validator = RealmTokens.validator(issuer, settings.clockSkew());
        decoder.setJwtValidator(validator);
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
                new VerifiedTokens(validator, RealmTokens.VERIFIED_TOKENS_KEPT, Clock.systemUTC()).in(decoder));
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(RealmTokens::realmRoles);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
