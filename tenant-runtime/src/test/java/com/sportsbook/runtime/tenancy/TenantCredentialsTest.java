package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runtime's client of the credentials vault against a local peer answering as the control plane's internal
 * endpoint does (see the control plane's CredentialsVaultIT): the service token and the tenant named on every call,
 * kept for the TTL, dropped on a 4xx, the last ones used a while when the control plane is down.
 */
class TenantCredentialsTest {

    private record Seen(String path, String token, String tenant) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> secretKey = new AtomicReference<>("sk_live_51First0000000000001");
    private final HttpServer controlPlane = start();
    private final MutableClock clock = MutableClock.startingAt(Instant.parse("2026-11-26T12:00:00Z"));
    private final TenantCredentials vault = new TenantCredentials(
            URI.create("http://127.0.0.1:" + controlPlane.getAddress().getPort()), "internal-token-for-tests-0123456789",
            clock, Duration.ofSeconds(60));

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/internal/tenants/", exchange -> {
                try (exchange) {
                    String path = exchange.getRequestURI().getPath();
                    seen.add(new Seen(path, exchange.getRequestHeaders().getFirst("X-Internal-Token"),
                            exchange.getRequestHeaders().getFirst("X-Internal-Tenant")));
                    boolean stored = path.equals("/internal/tenants/acme/credentials/psp.stripe");
                    int answer = status.get() == 200 && !stored ? 404 : status.get();
                    byte[] body = (answer == 200 ? """
                            {"purpose": "psp.stripe", "fields": {"secretKey": "%s", "webhookSecret": "whsec_Acme000000001"}}"""
                            .formatted(secretKey.get()) : "{\"code\": \"refused\"}").getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", answer == 200 ? "application/json" : "application/problem+json");
                    exchange.sendResponseHeaders(answer, body.length);
                    exchange.getResponseBody().write(body);
                }
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

    private String secretKey() {
        return vault.of("acme", "psp.stripe").orElseThrow().field("secretKey").orElseThrow();
    }

    @Test
    void credentialsAreAskedForWithTheServiceTokenAndTheTenantAndKeptForTheTtl() {
        String first = secretKey();
        secretKey.set("sk_live_51Rotated000000000002");
        String cached = secretKey();
        clock.advance(Duration.ofSeconds(61));
        String rotated = secretKey();

        assertThat(first).isEqualTo("sk_live_51First0000000000001");
        assertThat(cached).isEqualTo(first);
        assertThat(rotated).isEqualTo("sk_live_51Rotated000000000002");
        assertThat(seen).hasSize(2).allSatisfy(call -> {
            assertThat(call.path()).isEqualTo("/internal/tenants/acme/credentials/psp.stripe");
            assertThat(call.token()).isEqualTo("internal-token-for-tests-0123456789");
            assertThat(call.tenant()).isEqualTo("acme");
        });
    }

    @Test
    void noneStoredIsEmptyAndAskedAgainAfterTheTtl() {
        assertThat(vault.of("other", "psp.stripe")).isEmpty();
        assertThat(vault.of("other", "psp.stripe")).isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(vault.of("other", "psp.stripe")).isEmpty();

        assertThat(seen).hasSize(2);
        assertThat(seen.getFirst().tenant()).isEqualTo("other");
    }

    @Test
    void aRefusalDropsWhatWasKeptAndNothingStaleIsUsed() {
        secretKey();
        clock.advance(Duration.ofSeconds(61));
        status.set(403);

        assertThatThrownBy(this::secretKey).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("acme").hasMessageNotContaining("sk_live");
        status.set(200);
        secretKey.set("sk_live_51AfterRefusal0000003");
        assertThat(secretKey()).isEqualTo("sk_live_51AfterRefusal0000003");
    }

    @Test
    void whileTheControlPlaneFailsTheLastCredentialsServeForAWhileAndItIsAskedAtMostEveryFewSeconds() {
        secretKey();
        clock.advance(Duration.ofSeconds(61));
        status.set(503);

        String stale = secretKey();
        String staleAgain = secretKey();
        int callsWhileDown = seen.size();
        clock.advance(TenantCredentials.MAX_STALE);

        assertThat(stale).isEqualTo("sk_live_51First0000000000001");
        assertThat(staleAgain).isEqualTo(stale);
        assertThat(callsWhileDown).as("one attempt, then a pause").isEqualTo(2);
        assertThatThrownBy(this::secretKey).as("too old to use").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnreachableControlPlaneWithNothingKeptFailsTheCall() {
        controlPlane.stop(0);

        assertThatThrownBy(this::secretKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsTheProviderRefusedAreForgottenUnlessJustFetched() {
        secretKey();
        vault.forget("acme", "psp.stripe");
        secretKey();
        assertThat(seen).as("just fetched: a flood of refusals cannot make every one a call").hasSize(1);

        clock.advance(TenantCredentials.MIN_REFRESH.plusSeconds(1));
        secretKey.set("sk_live_51Revoked0000000000004");
        vault.forget("acme", "psp.stripe");

        assertThat(secretKey()).isEqualTo("sk_live_51Revoked0000000000004");
        assertThat(seen).hasSize(2);
    }

    @Test
    void secretsNeverShowInTheirTextForm() {
        TenantCredentials.Secrets secrets = vault.of("acme", "psp.stripe").orElseThrow();

        assertThat(secrets.toString()).contains("acme", "psp.stripe", "secretKey", "webhookSecret")
                .doesNotContain("sk_live", "whsec_");
        assertThat(secrets.fields()).isEqualTo(Map.of("secretKey", "sk_live_51First0000000000001",
                "webhookSecret", "whsec_Acme000000001"));
    }

}
