package com.sportsbook.controlplane.tenants;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who did something on the platform, as the platform audit records it: the account's stable id (the platform-realm
 * token's subject), the name it signs in with and its e-mail address. Work the platform does by itself (provisioning
 * steps) is done by {@link #SYSTEM}.
 */
public record PlatformActor(String subject, String name, String email) {

    public static final PlatformActor SYSTEM = new PlatformActor("platform", "platform", null);

    public static PlatformActor of(JwtAuthenticationToken token) {
        String subject = token.getToken().getSubject();
        String name = firstPresent(token.getToken().getClaimAsString("preferred_username"),
                token.getToken().getClaimAsString("name"), subject);
        return new PlatformActor(subject, name, token.getToken().getClaimAsString("email"));
    }

    private static String firstPresent(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
