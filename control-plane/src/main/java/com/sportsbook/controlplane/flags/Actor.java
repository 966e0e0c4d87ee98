package com.sportsbook.controlplane.flags;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who changed a flag: the platform account's stable id (the token's subject) and the name shown in the history. */
record Actor(String id, String name) {

    static final Actor PLATFORM = new Actor("platform", "platform");

    static Actor of(JwtAuthenticationToken token) {
        String subject = token.getToken().getSubject();
        String name = token.getToken().getClaimAsString("preferred_username");
        return new Actor(subject, name == null || name.isBlank() ? subject : name);
    }
}
