package com.sportsbook.runtime.payments.sandbox;

import com.sportsbook.commons.SandboxWebhookPoster;
import com.sportsbook.commons.SandboxWebhookPoster.Event;
import com.sportsbook.commons.SandboxWebhookPoster.Target;
import com.sportsbook.commons.WebhookSignature;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.PayoutRequest;
import com.sportsbook.runtime.payments.RefundRequest;
import com.sportsbook.runtime.payments.ProviderEvent;
import com.sportsbook.runtime.payments.WebhookVerification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment provider that behaves like a real one, for the embedded mode and tests: it answers a deposit request at
 * once, confirms it later by a signed webhook to the brand's host, and, like real PSPs, sometimes delivers a webhook
 * twice. Test amounts choose the outcome, as card numbers do at Stripe (the last two digits of the minor amount):
 * <ul>
 *   <li>{@code ..01} declined at once; {@code ..02} fails later (payment.failed);</li>
 *   <li>{@code ..03} succeeds after {@code slowSettleAfter}; {@code ..04} its success is delivered twice;</li>
 *   <li>{@code ..05} out of order: payment.succeeded arrives before payment.processing;</li>
 *   <li>anything else: payment.processing, then payment.succeeded after {@code settleAfter}.</li>
 * </ul>
 * Payouts: {@code ..07} fails (payout.failed, the account is closed); anything else is paid after
 * {@code settleAfter} (payout.paid).
 *
 * <p>Webhooks are signed per tenant: with the webhook secret the tenant stored in the credentials vault
 * ({@code psp.sandbox}), as an operator enters the secret its real PSP gave it; a tenant without one gets a key
 * derived from the platform's sandbox secret. Signing and verifying read the same (briefly cached) secret.
 */
final class SandboxPsp implements PaymentProvider, DisposableBean {

    /** The header carrying the webhook signature ({@link WebhookSignature}). */
    static final String SIGNATURE_HEADER = "Sandbox-Signature";

    static final String NAME = "sandbox";

    /** A deposit as the PSP remembers it: one per idempotency key (our payment id). */
    private record Remembered(String reference, ProviderStart answer) {
    }

    private static final Logger log = LoggerFactory.getLogger(SandboxPsp.class);
    private static final String WEBHOOK_KEY_PURPOSE = "sandbox-webhooks";

    /** A tenant's own signing key, kept with the secret it was made from (a rotated secret makes a new one). */
    private record TenantSignature(String secret, WebhookSignature signature) {
        @Override
        public String toString() {
            return "TenantSignature[****]";
        }
    }

    private final SandboxSettings settings;
    private final WebhookSignature signature;
    private final Function<String, Optional<String>> tenantWebhookSecret;
    private final Map<String, TenantSignature> tenantSignatures = new ConcurrentHashMap<>();
    private final JsonMapper json;
    private final Clock clock;
    private final SandboxWebhookPoster webhooks;
    private final Map<UUID, Remembered> byPaymentId = new ConcurrentHashMap<>();

    SandboxPsp(SandboxSettings settings, JsonMapper json, Clock clock) {
        this(settings, json, clock, tenant -> Optional.empty());
    }

    /** @param tenantWebhookSecret the webhook secret a tenant stored in the vault, if any */
    SandboxPsp(SandboxSettings settings, JsonMapper json, Clock clock, Function<String, Optional<String>> tenantWebhookSecret) {
        this.settings = settings;
        this.signature = new WebhookSignature(settings.signingSecret(), WEBHOOK_KEY_PURPOSE);
        this.tenantWebhookSecret = tenantWebhookSecret;
        this.webhooks = new SandboxWebhookPoster("sandbox-psp", URI.create(settings.webhookTarget().toString()
                .replaceAll("/+$", "") + "/api/v1/payments/webhooks/" + NAME), SIGNATURE_HEADER,
                (tenant, body, at) -> signatureFor(tenant).header(tenant, body, at),
                settings.duplicateProbability(), clock);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderStart startDeposit(DepositStartRequest request) {
        return byPaymentId.computeIfAbsent(request.paymentId(), id -> begin(request)).answer();
    }

    @Override
    public ProviderStart startPayout(PayoutRequest request) {
        return byPaymentId.computeIfAbsent(request.paymentId(), id -> beginPayout(request)).answer();
    }

    private Remembered beginPayout(PayoutRequest request) {
        String reference = "sbx_po_" + UUID.randomUUID().toString().replace("-", "");
        Event outcome = request.amount() % 100 == 7
                ? event("payout.failed", reference, request.amount(), request.currency(), "destination_account_closed")
                : event("payout.paid", reference, request.amount(), request.currency(), null);
        webhooks.schedule(new Target(request.tenant(), request.brandHost()), outcome, settings.settleAfter());
        return new Remembered(reference, new ProviderStart.Pending(reference, null));
    }

    @Override
    public ProviderStart refund(RefundRequest request) {
        return byPaymentId.computeIfAbsent(request.refundId(), id -> {
            String reference = "sbx_re_" + UUID.randomUUID().toString().replace("-", "");
            webhooks.schedule(new Target(request.tenant(), request.brandHost()),
                    event("refund.succeeded", reference, request.amount(), request.currency(), null), settings.settleAfter());
            return new Remembered(reference, new ProviderStart.Pending(reference, null));
        }).answer();
    }

    private Remembered begin(DepositStartRequest request) {
        String reference = "sbx_pay_" + UUID.randomUUID().toString().replace("-", "");
        long scenario = request.amount() % 100;
        if (scenario == 1) {
            return new Remembered(reference, new ProviderStart.Declined(reference, "card_declined"));
        }
        Target target = new Target(request.tenant(), request.brandHost());
        Event processing = event("payment.processing", reference, request.amount(), request.currency(), null);
        String method = request.paymentMethod() == null ? "sandbox_card_4242" : request.paymentMethod();
        Event outcome = scenario == 2
                ? event("payment.failed", reference, request.amount(), request.currency(), "insufficient_funds_at_bank")
                : event("payment.succeeded", reference, request.amount(), request.currency(), null, method);
        Duration settle = scenario == 3 ? settings.slowSettleAfter() : settings.settleAfter();
        if (scenario == 5) {
            webhooks.schedule(target, outcome, Duration.ofMillis(50));
            webhooks.schedule(target, processing, settle.plusMillis(300));
        } else {
            webhooks.schedule(target, processing, Duration.ofMillis(50));
            webhooks.schedule(target, outcome, settle);
        }
        if (scenario == 4) {
            webhooks.schedule(target, outcome, settle.plusMillis(200));
        }
        return new Remembered(reference, new ProviderStart.Pending(reference, null));
    }

    private Event event(String type, String reference, long amount, String currency, String failureReason) {
        return event(type, reference, amount, currency, failureReason, null);
    }

    private Event event(String type, String reference, long amount, String currency, String failureReason,
            String paymentMethod) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", reference);
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("failureReason", failureReason);
        if (paymentMethod != null) {
            data.put("paymentMethod", paymentMethod);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("created", clock.instant().getEpochSecond());
        body.put("data", data);
        return new Event(id, json.writeValueAsBytes(body));
    }

    /** The tenant's own key when it stored a webhook secret, else the platform-derived one. */
    private WebhookSignature signatureFor(String tenant) {
        Optional<String> secret;
        try {
            secret = tenantWebhookSecret.apply(tenant);
        } catch (RuntimeException unavailable) {
            log.warn("tenant {}'s sandbox webhook secret is not available ({}); signing with the platform's", tenant,
                    unavailable.getMessage());
            secret = Optional.empty();
        }
        if (secret.isEmpty()) {
            tenantSignatures.remove(tenant);
            return signature;
        }
        String current = secret.get();
        return tenantSignatures.compute(tenant, (slug, kept) -> kept != null && kept.secret().equals(current) ? kept
                : new TenantSignature(current, new WebhookSignature(current, WEBHOOK_KEY_PURPOSE))).signature();
    }

    @Override
    public WebhookVerification verify(String tenant, byte[] rawBody, Map<String, String> headers) {
        var problem = signatureFor(tenant).problem(tenant, rawBody, headers.get(SIGNATURE_HEADER.toLowerCase(java.util.Locale.ROOT)),
                clock.instant());
        if (problem.isPresent()) {
            return new WebhookVerification.Forged(problem.get());
        }
        JsonNode body;
        try {
            body = json.readTree(rawBody);
        } catch (RuntimeException unreadable) {
            return new WebhookVerification.Forged("the body is not JSON");
        }
        JsonNode data = body.path("data");
        ProviderEvent.Type type = switch (body.path("type").asString("")) {
            case "payment.processing" -> ProviderEvent.Type.PAYMENT_PROCESSING;
            case "payment.succeeded" -> ProviderEvent.Type.PAYMENT_SUCCEEDED;
            case "payment.failed" -> ProviderEvent.Type.PAYMENT_FAILED;
            case "payout.paid" -> ProviderEvent.Type.PAYOUT_PAID;
            case "payout.failed" -> ProviderEvent.Type.PAYOUT_FAILED;
            default -> ProviderEvent.Type.OTHER;
        };
        String failure = data.path("failureReason").isNull() ? null : data.path("failureReason").asString(null);
        return new WebhookVerification.Verified(new ProviderEvent(body.path("id").asString(), type,
                data.path("reference").asString(null), data.path("amount").asLong(), data.path("currency").asString(null),
                failure, Instant.ofEpochSecond(body.path("created").asLong()),
                data.path("paymentMethod").isMissingNode() || data.path("paymentMethod").isNull() ? null
                        : data.path("paymentMethod").asString(null)));
    }

    /** Signs a body as the sandbox would: for tests that play the PSP's part (replays, forgeries). */
    String sign(String tenant, byte[] body, Instant at) {
        return signatureFor(tenant).header(tenant, body, at);
    }

    @Override
    public void destroy() {
        webhooks.close();
    }
}
