package com.sportsbook.runtime.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.ProviderEvent;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.RefundRequest;
import com.sportsbook.runtime.payments.WebhookVerification;
import com.stripe.Stripe;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Stripe adapter against a local peer speaking Stripe's documented JSON, and webhooks signed as Stripe signs them. */
class StripePspTest {

    private static final String WEBHOOK_SECRET = "whsec_test_peer_secret";
    private final StripePeer peer = new StripePeer();
    private final Map<String, StripeSettings.Credentials> vault = Map.of(
            "acme", new StripeSettings.Credentials("sk_test_acme", WEBHOOK_SECRET, "acct_1Acme"),
            "solo", new StripeSettings.Credentials("sk_test_solo", "whsec_solo", null));
    private final StripePsp stripe = new StripePsp(peer.base(), tenant -> java.util.Optional.ofNullable(vault.get(tenant)));

    @AfterEach
    void stop() {
        peer.close();
    }

    private static DepositStartRequest deposit(String tenant, long amount) {
        return new DepositStartRequest(tenant, "main", "acme.example.com", UUID.randomUUID(), UUID.randomUUID(), amount, "EUR");
    }

    @Test
    void aDepositIsAPaymentIntentWithTheTenantsKeyItsConnectedAccountAndOurIdAsIdempotencyKey() {
        DepositStartRequest request = deposit("acme", 2_000);

        ProviderStart started = stripe.startDeposit(request);
        ProviderStart retried = stripe.startDeposit(request);

        assertThat(started).isInstanceOf(ProviderStart.Pending.class);
        ProviderStart.Pending pending = (ProviderStart.Pending) started;
        assertThat(pending.reference()).startsWith("pi_3Peer");
        assertThat(pending.clientSecret()).isEqualTo(pending.reference() + "_secret_peer");
        assertThat(retried).as("Stripe answers a repeated idempotency key with the first result").isEqualTo(started);
        StripePeer.Request sent = peer.requests.getFirst();
        assertThat(sent.path()).isEqualTo("/v1/payment_intents");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk_test_acme");
        assertThat(sent.header("Stripe-Account")).isEqualTo("acct_1Acme");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("deposit-" + request.paymentId());
        assertThat(sent.form()).containsEntry("amount", "2000").containsEntry("currency", "eur")
                .containsEntry("metadata[payment_id]", request.paymentId().toString())
                .containsEntry("metadata[tenant]", "acme")
                .containsEntry("automatic_payment_methods[enabled]", "true");
    }

    @Test
    void aTenantWithoutAConnectedAccountCallsStripeDirectly() {
        stripe.startDeposit(deposit("solo", 500));

        assertThat(peer.requests.getFirst().header("Authorization")).isEqualTo("Bearer sk_test_solo");
        assertThat(peer.requests.getFirst().header("Stripe-Account")).isNull();
    }

    @Test
    void aDeclinedCardIsADeclineNotAnError() {
        assertThat(stripe.startDeposit(deposit("acme", 1_001)))
                .isEqualTo(new ProviderStart.Declined(null, "card_declined"));
    }

    @Test
    void aRefundGoesAgainstTheDepositsPaymentIntentWithOurRefundIdAsIdempotencyKey() {
        UUID refundId = UUID.randomUUID();

        ProviderStart refund = stripe.refund(new RefundRequest("acme", "acme.example.com", "pi_3Original", refundId, 700, "EUR"));

        assertThat(refund).isInstanceOf(ProviderStart.Pending.class);
        assertThat(((ProviderStart.Pending) refund).reference()).startsWith("re_peer");
        StripePeer.Request sent = peer.requests.getFirst();
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.form()).containsEntry("payment_intent", "pi_3Original").containsEntry("amount", "700");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("refund-" + refundId);
    }

    private static String event(String id, String type, long amountReceived) {
        return """
                {"id": "%s", "object": "event", "api_version": "%s", "created": %d, "livemode": false,
                 "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "%s",
                 "data": {"object": {"id": "pi_3Webhook", "object": "payment_intent", "amount": 2500,
                   "amount_received": %d, "currency": "eur", "status": "succeeded", "livemode": false,
                   "created": 1764115200, "metadata": {}}}}"""
                .formatted(id, Stripe.API_VERSION, Instant.now().getEpochSecond(), type, amountReceived);
    }

    /** Stripe's scheme: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.payload" with the endpoint secret>}. */
    private static String sign(String secret, String payload, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            long t = at.getEpochSecond();
            return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebhookVerification receive(String tenant, String payload, String signature) {
        return stripe.verify(tenant, payload.getBytes(StandardCharsets.UTF_8),
                signature == null ? Map.of() : Map.of("stripe-signature", signature));
    }

    @Test
    void aSignedSucceededEventBecomesAConfirmationOfTheAmountReceived() {
        String payload = event("evt_1Succeeded", "payment_intent.succeeded", 2500);

        WebhookVerification verified = receive("acme", payload, sign(WEBHOOK_SECRET, payload, Instant.now()));

        assertThat(verified).isInstanceOf(WebhookVerification.Verified.class);
        ProviderEvent event = ((WebhookVerification.Verified) verified).event();
        assertThat(event.eventId()).isEqualTo("evt_1Succeeded");
        assertThat(event.type()).isEqualTo(ProviderEvent.Type.PAYMENT_SUCCEEDED);
        assertThat(event.reference()).isEqualTo("pi_3Webhook");
        assertThat(event.amount()).isEqualTo(2500);
        assertThat(event.currency()).isEqualTo("EUR");
    }

    @Test
    void forgedTamperedStaleOrUnsignedEventsAreRefused() {
        String payload = event("evt_1Forged", "payment_intent.succeeded", 2500);
        String tampered = payload.replace("\"amount_received\": 2500", "\"amount_received\": 250000");

        assertThat(receive("acme", payload, sign("whsec_wrong", payload, Instant.now())))
                .isInstanceOf(WebhookVerification.Forged.class);
        assertThat(receive("acme", tampered, sign(WEBHOOK_SECRET, payload, Instant.now())))
                .isInstanceOf(WebhookVerification.Forged.class);
        assertThat(receive("acme", payload, sign(WEBHOOK_SECRET, payload, Instant.now().minusSeconds(600))))
                .isInstanceOf(WebhookVerification.Forged.class);
        assertThat(receive("acme", payload, null)).isInstanceOf(WebhookVerification.Forged.class);
        assertThat(receive("solo", payload, sign(WEBHOOK_SECRET, payload, Instant.now())))
                .as("another tenant's endpoint secret").isInstanceOf(WebhookVerification.Forged.class);
    }

    @Test
    void credentialsStripeRefusesOrAWebhookSecretRolledSinceTheyWereFetchedAreAskedForAgain() {
        java.util.List<String> forgotten = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Map<String, StripeSettings.Credentials> vault = new java.util.concurrent.ConcurrentHashMap<>(java.util.Map.of(
                "revoked", new StripeSettings.Credentials("sk_test_revoked", "whsec_revoked", null),
                "rolled", new StripeSettings.Credentials("sk_test_rolled", "whsec_before_roll", null)));
        StripePsp refusing = new StripePsp(peer.base(), tenant -> java.util.Optional.ofNullable(vault.get(tenant)), tenant -> {
            forgotten.add(tenant);
            if (tenant.equals("rolled")) {
                vault.put("rolled", new StripeSettings.Credentials("sk_test_rolled", "whsec_after_roll", null));
            }
        });
        String payload = event("evt_1Rolled", "payment_intent.succeeded", 2500);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refusing.startDeposit(deposit("revoked", 500)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refused")
                .hasMessageNotContaining("sk_test_revoked");
        WebhookVerification rolled = refusing.verify("rolled", payload.getBytes(StandardCharsets.UTF_8),
                Map.of("stripe-signature", sign("whsec_after_roll", payload, Instant.now())));

        assertThat(forgotten).containsExactly("revoked", "rolled");
        assertThat(rolled).as("verified with the secret the vault holds now").isInstanceOf(WebhookVerification.Verified.class);
        assertThat(new StripeSettings.Credentials("sk_test_revoked", "whsec_revoked", "acct_1").toString())
                .doesNotContain("sk_test", "whsec").contains("acct_1");
    }

    @Test
    void eventsWeDoNotActOnAreVerifiedAndPassedOnAsOther() {
        String payload = event("evt_1Other", "customer.created", 0);

        WebhookVerification verified = receive("acme", payload, sign(WEBHOOK_SECRET, payload, Instant.now()));

        assertThat(((WebhookVerification.Verified) verified).event().type()).isEqualTo(ProviderEvent.Type.OTHER);
    }
}
