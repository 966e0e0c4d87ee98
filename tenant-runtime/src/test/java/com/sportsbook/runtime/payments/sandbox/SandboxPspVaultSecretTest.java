package com.sportsbook.runtime.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.ProviderEvent;
import com.sportsbook.runtime.payments.WebhookVerification;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox PSP signs a tenant's webhooks with the webhook secret the tenant stored in the credentials vault
 * ({@code psp.sandbox}), and verifies them with it; a tenant without one keeps the platform-derived key.
 */
class SandboxPspVaultSecretTest {

    private record Delivery(String tenantHost, byte[] body, String signature) {
    }

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpServer receiver = start();
    private final Map<String, String> vault = new ConcurrentHashMap<>(Map.of("acme", "sandbox_whsec_AcmeOwnSecret0001"));
    private final SandboxSettings settings = new SandboxSettings(
            URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()), "dev-only-sandbox-psp-secret-for-tests",
            Duration.ofMillis(50), Duration.ofMillis(100), 0.0);
    private final JsonMapper json = JsonMapper.builder().build();
    private final SandboxPsp psp = new SandboxPsp(settings, json, Clock.systemUTC(),
            tenant -> Optional.ofNullable(vault.get(tenant)));
    private final SandboxPsp withoutVault = new SandboxPsp(settings, json, Clock.systemUTC());

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/payments/webhooks/sandbox", exchange -> {
                try (exchange) {
                    deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Host"),
                            exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders().getFirst("Sandbox-Signature")));
                    exchange.sendResponseHeaders(200, -1);
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
        psp.destroy();
        withoutVault.destroy();
        receiver.stop(0);
    }

    private List<Delivery> deposit(String tenant, String host) {
        int before = deliveries.size();
        psp.startDeposit(new DepositStartRequest(tenant, "main", host, UUID.randomUUID(), UUID.randomUUID(), 2_500, "EUR"));
        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= before + 2);
        return deliveries.subList(before, before + 2);
    }

    private static Map<String, String> headers(Delivery delivery) {
        return Map.of("sandbox-signature", delivery.signature());
    }

    @Test
    void aTenantsWebhooksAreSignedAndVerifiedWithTheSecretItStoredInTheVault() {
        List<Delivery> acme = deposit("acme", "acme.example.com");

        for (Delivery delivery : acme) {
            assertThat(psp.verify("acme", delivery.body(), headers(delivery))).isInstanceOf(WebhookVerification.Verified.class);
            assertThat(withoutVault.verify("acme", delivery.body(), headers(delivery)))
                    .as("not signed with the platform-derived key").isInstanceOf(WebhookVerification.Forged.class);
        }
        // the sandbox, like a real PSP, does not promise the order its webhooks arrive in
        assertThat(acme).extracting(delivery -> ((WebhookVerification.Verified) psp.verify("acme", delivery.body(),
                headers(delivery))).event().type())
                .containsExactlyInAnyOrder(ProviderEvent.Type.PAYMENT_PROCESSING, ProviderEvent.Type.PAYMENT_SUCCEEDED);
        assertThat(acme).extracting(Delivery::tenantHost).containsOnly("acme.example.com");
    }

    @Test
    void aTenantWithoutAVaultSecretKeepsThePlatformDerivedKey() {
        Delivery plain = deposit("plain", "plain.example.com").getFirst();

        assertThat(psp.verify("plain", plain.body(), headers(plain))).isInstanceOf(WebhookVerification.Verified.class);
        assertThat(withoutVault.verify("plain", plain.body(), headers(plain))).isInstanceOf(WebhookVerification.Verified.class);
        assertThat(psp.verify("acme", plain.body(), headers(plain))).as("another tenant's webhook")
                .isInstanceOf(WebhookVerification.Forged.class);
    }

    @Test
    void aRotatedVaultSecretSignsFromThenOnAndTheOldSignaturesNoLongerVerify() {
        byte[] body = "{\"id\": \"evt_1\", \"type\": \"payment.processing\", \"data\": {}}".getBytes(StandardCharsets.UTF_8);
        String before = psp.sign("acme", body, Instant.now());

        vault.put("acme", "sandbox_whsec_AcmeRotated00002");
        String after = psp.sign("acme", body, Instant.now());

        assertThat(after).isNotEqualTo(before);
        assertThat(psp.verify("acme", body, Map.of("sandbox-signature", after))).isInstanceOf(WebhookVerification.Verified.class);
        assertThat(psp.verify("acme", body, Map.of("sandbox-signature", before))).isInstanceOf(WebhookVerification.Forged.class);
    }

    @Test
    void whenTheVaultCannotBeAskedTheSandboxSignsWithThePlatformKeyRatherThanNotAtAll() {
        SandboxPsp unreachable = new SandboxPsp(settings, json, Clock.systemUTC(), tenant -> {
            throw new IllegalStateException("control plane down");
        });
        try {
            byte[] body = "{\"id\": \"evt_2\", \"type\": \"payment.processing\", \"data\": {}}".getBytes(StandardCharsets.UTF_8);
            String signature = unreachable.sign("acme", body, Instant.now());

            assertThat(withoutVault.verify("acme", body, Map.of("sandbox-signature", signature)))
                    .isInstanceOf(WebhookVerification.Verified.class);
        } finally {
            unreachable.destroy();
        }
    }
}
