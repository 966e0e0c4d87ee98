package com.sportsbook.controlplane.credentials;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sportsbook.commons.identity.PlatformRealm;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The platform realm as the control plane's token check meets it, without a Keycloak: the realm's signing keys at
 * {@code /realms/platform/protocol/openid-connect/certs} and tokens minted as Keycloak mints them (issuer, subject,
 * username, realm roles). Anything else it is asked (Keycloak's admin API) answers 404.
 */
final class LocalPlatformRealm implements AutoCloseable {

    private final HttpServer server;
    private final RSAKey key;

    LocalPlatformRealm() {
        try {
            key = new RSAKeyGenerator(2048).keyID("local-platform").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean certs = exchange.getRequestURI().getPath().equals("/realms/" + PlatformRealm.NAME
                        + "/protocol/openid-connect/certs");
                byte[] body = (certs ? new JWKSet(key.toPublicJWK()).toString() : "{\"error\":\"not here\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(certs ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code Bearer <token>} of a platform-realm account with these roles. */
    String bearer(String subject, String username, String... roles) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(PlatformRealm.issuer(URI.create(url())))
                .subject(subject).claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(900))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return "Bearer " + jwt.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
