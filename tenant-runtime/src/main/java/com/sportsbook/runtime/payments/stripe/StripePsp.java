package com.sportsbook.runtime.payments.stripe;

import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.PayoutRequest;
import com.sportsbook.runtime.payments.ProviderEvent;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.RefundRequest;
import com.sportsbook.runtime.payments.WebhookVerification;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stripe through stripe-java: deposits as PaymentIntents created with the tenant's credentials (and its connected
 * account, if it has one), our payment id as Stripe's idempotency key, refunds against the deposit's PaymentIntent,
 * and webhooks verified with {@link Webhook#constructEvent} on the raw body. Player payouts do not go through
 * Stripe (card payouts need a different product); they are declined here with a clear reason.
 */
final class StripePsp implements PaymentProvider {

    static final String NAME = "stripe";
    static final String SIGNATURE_HEADER = "stripe-signature";

    private record TenantClient(StripeSettings.Credentials credentials, StripeClient client) {
    }

    private final URI apiBase;
    private final Function<String, Optional<StripeSettings.Credentials>> credentialsOf;
    private final Consumer<String> refused;
    private final Map<String, TenantClient> clients = new ConcurrentHashMap<>();

    /** @param credentialsOf a tenant's credentials (the vault through the control plane, in production) */
    StripePsp(URI apiBase, Function<String, Optional<StripeSettings.Credentials>> credentialsOf) {
        this(apiBase, credentialsOf, tenant -> {
        });
    }

    /** @param refused told when Stripe refused a tenant's credentials, so they are fetched again rather than reused */
    StripePsp(URI apiBase, Function<String, Optional<StripeSettings.Credentials>> credentialsOf, Consumer<String> refused) {
        this.apiBase = apiBase;
        this.credentialsOf = credentialsOf;
        this.refused = refused;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderStart startDeposit(DepositStartRequest request) {
        StripeSettings.Credentials credentials = credentials(request.tenant());
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true).build())
                .setDescription("Deposit " + request.paymentId())
                .putMetadata("payment_id", request.paymentId().toString())
                .putMetadata("tenant", request.tenant())
                .putMetadata("brand", request.brand())
                .putMetadata("player_id", request.playerId().toString())
                .build();
        try {
            PaymentIntent intent = client(request.tenant()).paymentIntents()
                    .create(params, options(credentials, "deposit-" + request.paymentId()));
            if ("canceled".equals(intent.getStatus())) {
                return new ProviderStart.Declined(intent.getId(), "canceled");
            }
            return new ProviderStart.Pending(intent.getId(), intent.getClientSecret());
        } catch (CardException declined) {
            return new ProviderStart.Declined(null, declined.getCode() == null ? "card_declined" : declined.getCode());
        } catch (AuthenticationException revoked) {
            refused.accept(request.tenant());
            throw new IllegalStateException("Stripe refused tenant " + request.tenant() + "'s key: " + revoked.getMessage(), revoked);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused the deposit: " + e.getMessage(), e);
        }
    }

    @Override
    public ProviderStart startPayout(PayoutRequest request) {
        return new ProviderStart.Declined(null, "payouts_not_supported_by_stripe");
    }

    @Override
    public ProviderStart refund(RefundRequest request) {
        StripeSettings.Credentials credentials = credentials(request.tenant());
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentReference())
                .setAmount(request.amount())
                .putMetadata("refund_id", request.refundId().toString())
                .build();
        try {
            Refund refund = client(request.tenant()).refunds().create(params, options(credentials, "refund-" + request.refundId()));
            return "failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())
                    ? new ProviderStart.Declined(refund.getId(), refund.getFailureReason())
                    : new ProviderStart.Pending(refund.getId(), null);
        } catch (AuthenticationException revoked) {
            refused.accept(request.tenant());
            throw new IllegalStateException("Stripe refused tenant " + request.tenant() + "'s key: " + revoked.getMessage(), revoked);
        } catch (StripeException e) {
            throw new IllegalStateException("Stripe refused the refund: " + e.getMessage(), e);
        }
    }

    @Override
    public WebhookVerification verify(String tenant, byte[] rawBody, Map<String, String> headers) {
        StripeSettings.Credentials credentials = credentialsOf.apply(tenant).orElse(null);
        if (credentials == null || credentials.webhookSecret() == null) {
            return new WebhookVerification.Forged("this tenant has no Stripe webhook secret");
        }
        Event event;
        try {
            event = constructEvent(rawBody, headers, credentials);
        } catch (SignatureVerificationException e) {
            // the tenant may have rolled its webhook secret since it was fetched: once more with the vault's current one
            refused.accept(tenant);
            StripeSettings.Credentials current = credentialsOf.apply(tenant).orElse(null);
            if (current == null || current.webhookSecret() == null || current.webhookSecret().equals(credentials.webhookSecret())) {
                return new WebhookVerification.Forged(e.getMessage());
            }
            try {
                event = constructEvent(rawBody, headers, current);
            } catch (SignatureVerificationException again) {
                return new WebhookVerification.Forged(again.getMessage());
            } catch (RuntimeException unreadable) {
                return new WebhookVerification.Forged("the body is not a Stripe event");
            }
        } catch (RuntimeException unreadable) {
            return new WebhookVerification.Forged("the body is not a Stripe event");
        }
        Instant at = Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
        ProviderEvent.Type type = switch (event.getType()) {
            case "payment_intent.processing" -> ProviderEvent.Type.PAYMENT_PROCESSING;
            case "payment_intent.succeeded" -> ProviderEvent.Type.PAYMENT_SUCCEEDED;
            case "payment_intent.payment_failed", "payment_intent.canceled" -> ProviderEvent.Type.PAYMENT_FAILED;
            default -> ProviderEvent.Type.OTHER;
        };
        if (type == ProviderEvent.Type.OTHER) {
            return new WebhookVerification.Verified(new ProviderEvent(event.getId(), type, null, 0, null, null, at));
        }
        StripeObject object;
        try {
            object = event.getDataObjectDeserializer().getObject().orElse(event.getDataObjectDeserializer().deserializeUnsafe());
        } catch (EventDataObjectDeserializationException e) {
            return new WebhookVerification.Forged("the event's object cannot be read: " + e.getMessage());
        }
        if (!(object instanceof PaymentIntent intent)) {
            return new WebhookVerification.Verified(new ProviderEvent(event.getId(), ProviderEvent.Type.OTHER, null, 0,
                    null, null, at));
        }
        long amount = type == ProviderEvent.Type.PAYMENT_SUCCEEDED && intent.getAmountReceived() != null
                ? intent.getAmountReceived() : intent.getAmount();
        String failure = intent.getLastPaymentError() == null ? null
                : intent.getLastPaymentError().getCode() != null ? intent.getLastPaymentError().getCode()
                : intent.getLastPaymentError().getMessage();
        return new WebhookVerification.Verified(new ProviderEvent(event.getId(), type, intent.getId(), amount,
                intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT), failure, at,
                intent.getPaymentMethod()));
    }

    private static Event constructEvent(byte[] rawBody, Map<String, String> headers, StripeSettings.Credentials credentials)
            throws SignatureVerificationException {
        return Webhook.constructEvent(new String(rawBody, StandardCharsets.UTF_8), headers.get(SIGNATURE_HEADER),
                credentials.webhookSecret());
    }

    private StripeSettings.Credentials credentials(String tenant) {
        StripeSettings.Credentials credentials = credentialsOf.apply(tenant).orElse(null);
        if (credentials == null || credentials.secretKey() == null) {
            throw new IllegalStateException("tenant " + tenant + " has no Stripe credentials");
        }
        return credentials;
    }

    /** One client per tenant and key: a rotated secret key gets a new client. */
    private StripeClient client(String tenant) {
        StripeSettings.Credentials credentials = credentials(tenant);
        return clients.compute(tenant, (slug, current) -> current != null && current.credentials().equals(credentials)
                ? current : new TenantClient(credentials, StripeClient.builder()
                        .setApiKey(credentials.secretKey())
                        .setApiBase(apiBase.toString().replaceAll("/+$", ""))
                        .setMaxNetworkRetries(2)
                        .build())).client();
    }

    private static RequestOptions options(StripeSettings.Credentials credentials, String idempotencyKey) {
        RequestOptions.RequestOptionsBuilder options = RequestOptions.builder().setIdempotencyKey(idempotencyKey);
        if (credentials.connectAccount() != null && !credentials.connectAccount().isBlank()) {
            options.setStripeAccount(credentials.connectAccount());
        }
        return options.build();
    }
}
