package com.sportsbook.commons.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * The tokens one realm's verifier has already checked the signature of, so a player's next call with the same token
 * costs a map look-up instead of a JSON parse and an RSA verification (ADR 0026). Keyed by the whole compact token,
 * so a token differing in any byte, its signature included, is verified afresh. The claims are validated again on
 * every use (expiry with the configured skew, issuer), and an entry is dropped once its token expires. Bounded: when
 * full, expired entries are swept and, if it is still full, new tokens are verified every time rather than kept.
 */
public final class VerifiedTokens {

    private final OAuth2TokenValidator<Jwt> validator;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        this.validator = validator;
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * A servlet-side decoder in front of {@code verifier} (which checks signature and claims): a token it accepted
     * before is answered from here while its claims stay valid.
     */
    public JwtDecoder in(JwtDecoder verifier) {
        return token -> {
            Jwt known = known(token);
            return known != null ? known : remember(token, verifier.decode(token));
        };
    }

    /**
     * The token's claims if its signature was verified before; {@code null} if not known.
     *
     * @throws JwtValidationException when it was verified before but its claims no longer pass (it has expired)
     */
    public Jwt known(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return null;
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException("The token is no longer valid: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }

    /** Keeps a token its verifier has just accepted (signature and claims); returns it. */
    public Jwt remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return jwt; // a token that never expires is verified every time
        }
        if (verified.size() >= capacity) {
            Instant now = clock.instant();
            verified.values().removeIf(kept -> kept.getExpiresAt().isBefore(now));
        }
        if (verified.size() < capacity) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
