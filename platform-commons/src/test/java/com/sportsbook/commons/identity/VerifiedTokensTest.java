package com.sportsbook.commons.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sportsbook.commons.testing.MutableClock;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final String ISSUER = "http://127.0.0.1/realms/tenant-a";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();

    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T12:00:00Z"));
    private final OAuth2TokenValidator<Jwt> validator = validator();
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = counting(realmVerifier());

    @Test
    void aTokenVerifiedOnceIsAnsweredWithoutVerifyingItsSignatureAgain() {
        JwtDecoder decoder = new VerifiedTokens(validator, 10, clock).in(verifier);
        String token = token(KEYS, "player-1", clock.instant().plusSeconds(300));

        Jwt first = decoder.decode(token);
        Jwt second = decoder.decode(token);

        assertThat(second.getSubject()).isEqualTo("player-1");
        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aKnownTokenIsRefusedOnceItExpiresAndIsForgotten() {
        VerifiedTokens verified = new VerifiedTokens(validator, 10, clock);
        JwtDecoder decoder = verified.in(verifier);
        String token = token(KEYS, "player-1", clock.instant().plusSeconds(60));
        decoder.decode(token);

        clock.advance(Duration.ofSeconds(90)); // past its expiry and the 1 s skew

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(verified.size()).isZero();
    }

    @Test
    void aTokenDifferingInItsSignatureIsVerifiedAfreshAndRefused() {
        JwtDecoder decoder = new VerifiedTokens(validator, 10, clock).in(verifier);
        String token = token(KEYS, "player-1", clock.instant().plusSeconds(300));
        decoder.decode(token);
        String forged = token(OTHER_KEYS, "player-1", clock.instant().plusSeconds(300));
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + forged.substring(forged.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> decoder.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
    }

    @Test
    void whenFullExpiredTokensAreSweptAndOtherwiseNewOnesAreVerifiedEveryTime() {
        VerifiedTokens verified = new VerifiedTokens(validator, 2, clock);
        JwtDecoder decoder = verified.in(verifier);
        decoder.decode(token(KEYS, "short-1", clock.instant().plusSeconds(30)));
        decoder.decode(token(KEYS, "long-1", clock.instant().plusSeconds(600)));
        String third = token(KEYS, "long-2", clock.instant().plusSeconds(600));

        decoder.decode(third);
        assertThat(verified.size()).isEqualTo(2); // full of unexpired tokens: the third was verified, not kept
        decoder.decode(third);
        assertThat(verifications).hasValue(4);

        clock.advance(Duration.ofSeconds(31));
        decoder.decode(third); // the expired short token makes room
        decoder.decode(third);
        assertThat(verifications).hasValue(5);
        assertThat(verified.size()).isEqualTo(2);
    }

    @Test
    void aTokenFromAnotherIssuerIsNotKept() {
        VerifiedTokens verified = new VerifiedTokens(validator, 10, clock);
        JwtDecoder decoder = verified.in(realmVerifier());

        assertThatThrownBy(() -> decoder.decode(token(KEYS, "player-1", clock.instant().plusSeconds(300), "http://evil/realms/x")))
                .isInstanceOf(JwtValidationException.class);
        assertThat(verified.size()).isZero();
    }

    /** What the services build: the realm's key, and the same validator for signature-checked claims. */
    private NimbusJwtDecoder realmVerifier() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) KEYS.getPublic()).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private JwtDecoder counting(JwtDecoder real) {
        return token -> {
            verifications.incrementAndGet();
            return real.decode(token);
        };
    }

    private OAuth2TokenValidator<Jwt> validator() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ofSeconds(1));
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER));
    }

    private static String token(KeyPair keys, String subject, Instant expiresAt) {
        return token(keys, subject, expiresAt, ISSUER);
    }

    private static String token(KeyPair keys, String subject, Instant expiresAt, String issuer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject(subject)
                    .issuer(issuer).issueTime(Date.from(expiresAt.minusSeconds(300))).expirationTime(Date.from(expiresAt)).build());
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
