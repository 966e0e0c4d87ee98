package com.sportsbook.runtime.identity;

import com.sportsbook.runtime.tenancy.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
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
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer + "/protocol/openid-connect/certs").build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(TenantRealmTokens::realmRoles);
        provider.setJwtAuthenticationConverter(converter);
        return provider::authenticate;
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}; each becomes {@code ROLE_<name>}. */
    static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Object access = jwt.getClaims().get("realm_access");
        if (!(access instanceof Map<?, ?> realmAccess) || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
