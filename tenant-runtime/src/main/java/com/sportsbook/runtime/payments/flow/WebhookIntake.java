package com.sportsbook.runtime.payments.flow;

import org.springframework.context.ApplicationEventPublisher;
import com.sportsbook.runtime.payments.PaymentSettled;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.ProviderEvent;
import com.sportsbook.runtime.payments.WebhookVerification;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Applies a provider's webhooks. Each is verified on its raw body first (a forged one moves nothing), recorded
 * once per provider event id (a redelivery is acknowledged and ignored), and applied in the same transaction as the
 * wallet movement it causes, which is itself idempotent per payment: a deposit is credited exactly once, however
 * often and in whatever order its events arrive. Events that would move a payment backwards (a late "processing"
 * after "succeeded") are recorded and ignored.
 */
public final class WebhookIntake {

    private static final Logger log = LoggerFactory.getLogger(WebhookIntake.class);

    public sealed interface Outcome {
        record Applied(String result) implements Outcome {
        }

        record Duplicate() implements Outcome {
        }

        record Forged(String reason) implements Outcome {
        }
    }

    private final PaymentRecords records;
    private final PaymentProvider provider;
    private final Withdrawals withdrawals;
    private final Wallet wallet;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    WebhookIntake(PaymentRecords records, PaymentProvider provider, Withdrawals withdrawals, Wallet wallet,
            TransactionOperations transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.provider = provider;
        this.withdrawals = withdrawals;
        this.wallet = wallet;
        this.transactions = transactions;
        this.clock = clock;
    }

    public String providerName() {
        return provider.name();
    }

    public Outcome receive(byte[] rawBody, Map<String, String> headers) {
        String tenant = TenantContext.require().slug().value();
        WebhookVerification verification = provider.verify(tenant, rawBody, headers);
        if (verification instanceof WebhookVerification.Forged forged) {
            log.warn("{} webhook refused for tenant {}: {}", provider.name(), tenant, forged.reason());
            return new Outcome.Forged(forged.reason());
        }
        ProviderEvent event = ((WebhookVerification.Verified) verification).event();
        return transactions.execute(status -> apply(event, new String(rawBody, StandardCharsets.UTF_8)));
    }

    private Outcome apply(ProviderEvent event, String payload) {
        if (!records.recordEvent(provider.name(), event.eventId(), event.type().name().toLowerCase(java.util.Locale.ROOT),
                event.reference(), payload, clock.instant())) {
            return new Outcome.Duplicate();
        }
        Optional<Payment> found = event.reference() == null ? Optional.empty()
                : records.lockByReference(provider.name(), event.reference());
        if (found.isEmpty()) {
            records.eventOutcome(provider.name(), event.eventId(), null, "unknown_payment");
            log.warn("{} event {} names no payment of ours ({})", provider.name(), event.eventId(), event.reference());
            return new Outcome.Applied("unknown_payment");
        }
        Payment payment = found.get();
        boolean deposit = "deposit".equals(payment.kind());
        String result = switch (event.type()) {
            case PAYMENT_PROCESSING -> deposit ? processing(payment) : "ignored_not_a_deposit";
            case PAYMENT_SUCCEEDED -> deposit ? succeeded(payment, event) : "ignored_not_a_deposit";
            case PAYMENT_FAILED -> deposit ? failed(payment, event) : "ignored_not_a_deposit";
            case PAYOUT_PAID -> deposit ? "ignored_not_a_withdrawal" : withdrawals.paid(payment);
            case PAYOUT_FAILED -> deposit ? "ignored_not_a_withdrawal" : withdrawals.payoutFailed(payment, event.failureReason());
            case OTHER -> "ignored";
        };
        records.eventOutcome(provider.name(), event.eventId(), payment.id(), result);
        return new Outcome.Applied(result);
    }

    private String processing(Payment payment) {
        if (!Payment.PENDING.equals(payment.status())) {
            return "ignored_out_of_order";
        }
        records.moved(payment.id(), Payment.PROCESSING, null, null, clock.instant());
        return "processing";
    }

    private String succeeded(Payment payment, ProviderEvent event) {
        if (Payment.SUCCEEDED.equals(payment.status())) {
            return "already_succeeded";
        }
        if (event.amount() != payment.amount() || !payment.currency().equals(event.currency())) {
            records.moved(payment.id(), Payment.EXCEPTION, "the provider confirmed " + event.amount() + " "
                    + event.currency() + " for a payment of " + payment.amount() + " " + payment.currency(), null, clock.instant());
            return "amount_mismatch";
        }
        if (!payment.open()) {
            records.moved(payment.id(), Payment.EXCEPTION, "the provider confirmed a payment we had as " + payment.status(),
                    null, clock.instant());
            return "confirmed_after_" + payment.status();
        }
        Currency currency = Currency.getInstance(payment.currency());
        WalletOutcome credited = wallet.execute(new WalletCommand.Transfer("deposit:" + payment.id(),
                TransactionKind.DEPOSIT,
                List.of(new Posting(new AccountRef.Player(payment.playerId(), payment.brand(), currency, AccountKind.CASH),
                                payment.amount()),
                        new Posting(new AccountRef.House(payment.brand(), currency, HouseAccountKind.PSP_CLEARING),
                                -payment.amount())),
                provider.name() + ":" + payment.providerReference(), "Deposit"));
        if (!(credited instanceof WalletOutcome.Applied applied)) {
            throw new IllegalStateException("the wallet refused a confirmed deposit: " + credited);
        }
        records.moved(payment.id(), Payment.SUCCEEDED, null, applied.transactionId(), clock.instant());
        records.paidWith(payment.id(), event.paymentMethod());
        events.publishEvent(new PaymentSettled(TenantContext.require().slug().value(),
                payment.id(), payment.playerId(), payment.brand(), PaymentSettled.Kind.DEPOSIT,
                payment.amount(), payment.currency(), event.paymentMethod(), clock.instant()));
        log.info("deposit {} of {} {} credited to player {}", payment.id(), payment.amount(), payment.currency(),
                payment.playerId());
        return "credited";
    }

    private String failed(Payment payment, ProviderEvent event) {
        if (!payment.open()) {
            return "ignored_after_" + payment.status();
        }
        records.moved(payment.id(), Payment.FAILED, event.failureReason() == null ? "failed at the provider"
                : event.failureReason(), null, clock.instant());
        return "failed";
    }
}
