package com.sportsbook.runtime.identity;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.runtime.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Picks the token verifier for a request by the tenant the gateway bound, never by anything in the token: a token
 * is checked against the keys and issuer of that tenant's realm only, so tenant A's token on tenant B's host fails
 * the signature and the issuer check. Verifiers are built on first use per tenant, so tenants added at runtime need
 * no restart.
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
        decoder.setJwtValidator(RealmTokens.validator(issuer, settings.clockSkew()));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(RealmTokens::realmRoles);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }
}
