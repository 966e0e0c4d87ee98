package com.sportsbook.commons.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * How every service checks a Keycloak realm's tokens: keys from the realm's JWKS, its exact issuer, and expiry with
 * a configured clock skew (Spring's default of 60 s is generous for services that share NTP); realm roles read from
 * {@code realm_access.roles}.
 */
public final class RealmTokens {

    /** How many verified tokens a service keeps per tenant realm (a player's token is used for minutes). */
    public static final int VERIFIED_TOKENS_KEPT = 20_000;

    private RealmTokens() {
    }

    public static String jwkSetUri(String issuer) {
        return issuer + "/protocol/openid-connect/certs";
    }

    public static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(clockSkew), new JwtIssuerValidator(issuer));
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}; each becomes {@code ROLE_<name>}. */
    public static Collection<GrantedAuthority> realmRoles(Jwt jwt) {
        Object access = jwt.getClaims().get("realm_access");
        if (!(access instanceof Map<?, ?> realmAccess) || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /** Who acted, for audit trails: the account's username, or its subject when the token carries none. */
    public static String actor(Jwt jwt) {
        String name = jwt.getClaimAsString("preferred_username");
        return name == null || name.isBlank() ? jwt.getSubject() : name;
    }
}
