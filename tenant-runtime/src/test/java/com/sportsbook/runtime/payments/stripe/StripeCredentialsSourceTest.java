package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.commons.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's side of the vault: it asks the control plane's internal API (here a local peer answering the JSON
 * that API answers, see the control plane's TenantOnboardingApiIT) with the service token, keeps the answer for a
 * minute, and falls back to configuration for a tenant the vault does not know.
 */
class StripeCredentialsSourceTest {

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> token = new AtomicReference<>();
    private final AtomicReference<String> secretKey = new AtomicReference<>("sk_test_vault_1");
    private final HttpServer controlPlane = start();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T12:00:00Z"));

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/tenants/", exchange -> {
                calls.incrementAndGet();
                token.set(exchange.getRequestHeaders().getFirst("X-Internal-Token"));
                boolean known = exchange.getRequestURI().getPath().equals("/internal/tenants/acme/credentials/psp.stripe");
                byte[] body = (known ? """
                        {"purpose": "psp.stripe", "fields": {"secretKey": "%s", "webhookSecret": "whsec_vault",
                         "connectAccount": "acct_1Vault"}}""".formatted(secretKey.get())
                        : "{\"code\": \"not_found\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", known ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(known ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() {
        controlPlane.stop(0);
    }

    private StripeCredentialsSource source() {
        StripeSettings settings = new StripeSettings(URI.create("http://127.0.0.1:9"), Map.of(
                "configured", new StripeSettings.Credentials("sk_test_config", "whsec_config", null)));
        return new StripeCredentialsSource(settings, URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort()),
                "internal-token-for-tests", clock);
    }

    @Test
    void credentialsComeFromTheVaultWithTheServiceTokenAndAreKeptForAMinute() {
        StripeCredentialsSource source = source();

        Optional<StripeSettings.Credentials> first = source.forTenant("acme");
        secretKey.set("sk_test_vault_2");
        Optional<StripeSettings.Credentials> cached = source.forTenant("acme");
        clock.advance(java.time.Duration.ofSeconds(61));
        Optional<StripeSettings.Credentials> rotated = source.forTenant("acme");

        assertThat(first).contains(new StripeSettings.Credentials("sk_test_vault_1", "whsec_vault", "acct_1Vault"));
        assertThat(token.get()).isEqualTo("internal-token-for-tests");
        assertThat(cached).isEqualTo(first);
        assertThat(rotated.map(StripeSettings.Credentials::secretKey)).contains("sk_test_vault_2");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aTenantTheVaultDoesNotKnowFallsBackToConfigurationOrHasNone() {
        StripeCredentialsSource source = source();

        assertThat(source.forTenant("configured").map(StripeSettings.Credentials::secretKey)).contains("sk_test_config");
        assertThat(source.forTenant("nobody")).isEmpty();
    }

}
