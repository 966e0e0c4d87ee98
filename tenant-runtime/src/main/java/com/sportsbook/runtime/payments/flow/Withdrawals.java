package com.sportsbook.runtime.payments.flow;

import org.springframework.context.ApplicationEventPublisher;
import com.sportsbook.runtime.payments.PaymentSettled;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.PayoutRequest;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.WithdrawalGate;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.Statement;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Withdrawals: on request the money moves from cash to the locked account; the automatic review ({@link
 * WithdrawalReview}) either releases it to the provider at once or holds it for staff approval (maker-checker above
 * the tenant's threshold); the provider's webhook ends it paid (locked money leaves through PSP clearing) or failed
 * (money back to cash). The player may cancel while it waits; staff may reject it. Every money movement is an
 * idempotent wallet command keyed by the withdrawal and the step, so a repeated step never moves money twice.
 */
public final class Withdrawals {

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    public static final String REQUESTED = "requested";
    public static final String IN_REVIEW = "in_review";
    public static final String AWAITING_APPROVAL = "awaiting_approval";
    public static final String SENT = "sent";
    public static final String PAID = "paid";
    public static final String CANCELLED = "cancelled";
    public static final String REJECTED = "rejected";
    static final List<String> WAITING = List.of(REQUESTED, IN_REVIEW, AWAITING_APPROVAL);

    /** Tenant rules: whether deposits must be wagered once, and above which amount two staff members approve. */
    public record Rules(boolean wageringRequired, long approvalThreshold) {
    }

    public record Command(UUID playerId, String requestedBy, String brand, String brandHost, long amount, String currency,
            String idempotencyKey) {
    }

    public sealed interface Result {
        record Accepted(Payment payment, List<String> reviewReasons, boolean replayed) implements Result {
        }

        record Refused(String code, String detail) implements Result {
        }
    }

    private final PaymentRecords records;
    private final PaymentProvider provider;
    private final WithdrawalGate gate;
    private final Wallet wallet;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final Rules rules;
    private final ApplicationEventPublisher events;

    Withdrawals(PaymentRecords records, PaymentProvider provider, WithdrawalGate gate, Wallet wallet,
            TransactionOperations transactions, Clock clock, Rules rules,
            ApplicationEventPublisher events) {
        this.events = events;
        this.records = records;
        this.provider = provider;
        this.gate = gate;
        this.wallet = wallet;
        this.transactions = transactions;
        this.clock = clock;
        this.rules = rules;
    }

    public Result request(Command command) {
        String key = "withdrawal:" + command.playerId() + ":" + command.idempotencyKey();
        String hash = Deposits.hash(command.amount() + "|" + command.currency() + "|" + command.brand());
        Optional<Payment> earlier = transactions.execute(status -> records.byIdempotencyKey(key));
        if (earlier.isPresent()) {
            return earlier.get().requestHash().equals(hash)
                    ? new Result.Accepted(earlier.get(), reasons(earlier.get().id()), true)
                    : new Result.Refused("idempotency_key_reused", "This Idempotency-Key was used for a different withdrawal.");
        }
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID(), "withdrawal", command.playerId(), command.brand(),
                command.amount(), command.currency(), provider.name(), null, REQUESTED, REQUESTED, null, hash, null, now, now);
        Result locked = transactions.execute(status -> {
            if (!records.insert(payment, key, command.requestedBy())) {
                return new Result.Refused("idempotency_key_reused", "This withdrawal is being requested already.");
            }
            WalletOutcome moved = wallet.execute(new WalletCommand.Transfer("withdrawal:" + payment.id() + ":lock",
                    TransactionKind.WITHDRAWAL_REQUESTED, List.of(
                            new Posting(account(payment, AccountKind.CASH), -payment.amount()),
                            new Posting(account(payment, AccountKind.LOCKED), payment.amount())),
                    "withdrawal:" + payment.id(), "Withdrawal requested"));
            if (moved instanceof WalletOutcome.Rejected rejected) {
                status.setRollbackOnly();
                return new Result.Refused(rejected.reason().code(), rejected.reason() == Rejection.INSUFFICIENT_FUNDS
                        ? "There is not enough withdrawable cash for this withdrawal." : rejected.detail());
            }
            events.publishEvent(new PaymentSettled(TenantContext.require().slug().value(),
                    payment.id(), payment.playerId(), payment.brand(), PaymentSettled.Kind.WITHDRAWAL,
                    payment.amount(), payment.currency(), null, now));
            return null;
        });
        if (locked != null) {
            return locked;
        }
        Statement.LifetimeTotals totals = wallet.lifetimeTotals(command.playerId(), command.brand()).stream()
                .filter(t -> t.currency().equals(command.currency())).findFirst()
                .orElse(new Statement.LifetimeTotals(command.currency(), 0, 0, 0));
        WithdrawalReview.Verdict verdict = WithdrawalReview.of(new WithdrawalReview.Facts(
                gate.kycVerified(command.playerId()), totals.deposits(), totals.wagered(), rules.wageringRequired(),
                command.amount(), rules.approvalThreshold()));
        String next = verdict.automatic() ? REQUESTED : verdict.approvalsNeeded() == 2 ? AWAITING_APPROVAL : IN_REVIEW;
        transactions.executeWithoutResult(status -> records.review(payment.id(), next, verdict.reasons(), clock.instant()));
        if (verdict.automatic()) {
            send(payment.id(), command.brandHost());
        }
        log.info("withdrawal {} of {} {} requested by player {}: {}", payment.id(), command.amount(), command.currency(),
                command.playerId(), verdict.automatic() ? "sent without review" : next + " " + verdict.reasons());
        return new Result.Accepted(reload(payment.id()), verdict.reasons(), false);
    }

    public sealed interface Decision {
        record Done(Payment payment) implements Decision {
        }

        record NotFound() implements Decision {
        }

        record Conflict(String code, String detail) implements Decision {
        }
    }

    /** The player cancels a withdrawal that has not gone to the provider yet; the money returns to cash. */
    public Decision cancel(UUID playerId, UUID paymentId) {
        return transactions.execute(status -> {
            Optional<Payment> found = records.lockById(paymentId)
                    .filter(payment -> payment.kind().equals("withdrawal") && payment.playerId().equals(playerId));
            if (found.isEmpty()) {
                return new Decision.NotFound();
            }
            if (!WAITING.contains(found.get().status())) {
                return new Decision.Conflict("withdrawal_not_cancellable", "A withdrawal that is " + found.get().status()
                        + " can no longer be cancelled.");
            }
            returnFunds(found.get(), CANCELLED, "cancelled by the player");
            return new Decision.Done(records.byId(paymentId).orElseThrow());
        });
    }

    /**
     * A staff decision on a withdrawal under review. The requesting player can never decide; a staff member decides
     * once; above the threshold a second, different staff member must approve before the money goes.
     */
    public Decision decide(UUID paymentId, String staff, boolean approve, String note, String brandHost) {
        Decision decision = transactions.execute(status -> {
            Optional<Payment> found = records.lockById(paymentId).filter(payment -> payment.kind().equals("withdrawal"));
            if (found.isEmpty()) {
                return new Decision.NotFound();
            }
            Payment payment = found.get();
            if (!IN_REVIEW.equals(payment.status()) && !AWAITING_APPROVAL.equals(payment.status())) {
                return new Decision.Conflict("withdrawal_not_under_review", "A withdrawal that is " + payment.status()
                        + " takes no decision.");
            }
            if (staff.equals(records.requestedBy(paymentId).orElse(null))) {
                return new Decision.Conflict("maker_checker_violation", "Whoever requested a withdrawal cannot approve it.");
            }
            if (!records.decide(paymentId, staff, approve ? "approve" : "reject", note, clock.instant())) {
                return new Decision.Conflict("maker_checker_violation",
                        "You have decided on this withdrawal already; another staff member must approve it.");
            }
            if (!approve) {
                returnFunds(payment, REJECTED, note == null ? "rejected in review" : note);
                return new Decision.Done(records.byId(paymentId).orElseThrow());
            }
            long needed = AWAITING_APPROVAL.equals(payment.status()) ? 2 : 1;
            if (records.approvals(paymentId) >= needed) {
                records.review(paymentId, REQUESTED, reasons(paymentId), clock.instant());
            }
            return new Decision.Done(records.byId(paymentId).orElseThrow());
        });
        if (decision instanceof Decision.Done done && REQUESTED.equals(done.payment().status())) {
            send(paymentId, brandHost);
            return new Decision.Done(reload(paymentId));
        }
        return decision;
    }

    public List<Payment> awaitingDecision(int limit) {
        return transactions.execute(status -> records.withStatus("withdrawal", List.of(IN_REVIEW, AWAITING_APPROVAL), limit));
    }

    public Optional<Payment> find(UUID paymentId) {
        return transactions.execute(status -> records.byId(paymentId)).filter(payment -> payment.kind().equals("withdrawal"));
    }

    public List<String> reasons(UUID paymentId) {
        String stored = transactions.execute(status -> records.reviewReasons(paymentId)).orElse(null);
        return stored == null || stored.isBlank() ? List.of() : Arrays.asList(stored.split(","));
    }

    /**
     * Hands approved withdrawals that never reached the provider (it was unreachable) to it again. The provider
     * dedupes by our payment id, so a payout that did arrive the first time is not paid twice.
     *
     * @return how many were handed over again
     */
    public int retryUnsent(Instant approvedBefore, java.util.function.Function<String, String> hostOfBrand) {
        List<Payment> stuck = transactions.execute(status -> records.withStatus("withdrawal", List.of(REQUESTED), 100))
                .stream().filter(payment -> payment.providerReference() == null)
                .filter(payment -> payment.updatedAt().isBefore(approvedBefore)).toList();
        for (Payment payment : stuck) {
            send(payment.id(), hostOfBrand.apply(payment.brand()));
        }
        return stuck.size();
    }

    /** Hands an approved withdrawal to the provider; a refusal there returns the money at once. */
    private void send(UUID paymentId, String brandHost) {
        Payment payment = reload(paymentId);
        String tenant = TenantContext.require().slug().value();
        ProviderStart answer;
        try {
            answer = provider.startPayout(new PayoutRequest(tenant, payment.brand(), brandHost, payment.id(),
                    payment.playerId(), payment.amount(), payment.currency()));
        } catch (RuntimeException unreachable) {
            log.warn("withdrawal {} could not be sent to {}: {}", paymentId, provider.name(), unreachable.getMessage());
            return;
        }
        transactions.executeWithoutResult(status -> {
            Payment current = records.lockById(paymentId).orElseThrow();
            if (!REQUESTED.equals(current.status())) {
                return;
            }
            switch (answer) {
                case ProviderStart.Pending pending -> records.started(paymentId, pending.reference(), SENT, current.initialStatus(),
                        null, clock.instant());
                case ProviderStart.Declined declined -> {
                    records.started(paymentId, declined.reference(), SENT, current.initialStatus(), null, clock.instant());
                    returnFunds(current, Payment.FAILED, declined.reason());
                }
            }
        });
    }

    /** The provider paid the player: the locked money leaves through PSP clearing. Called by the webhook intake. */
    String paid(Payment payment) {
        if (!SENT.equals(payment.status())) {
            return "ignored_after_" + payment.status();
        }
        WalletOutcome moved = wallet.execute(new WalletCommand.Transfer("withdrawal:" + payment.id() + ":paid",
                TransactionKind.WITHDRAWAL_PAID, List.of(
                        new Posting(account(payment, AccountKind.LOCKED), -payment.amount()),
                        new Posting(house(payment), payment.amount())),
                provider.name() + ":" + payment.providerReference(), "Withdrawal paid"));
        if (!(moved instanceof WalletOutcome.Applied applied)) {
            throw new IllegalStateException("the wallet refused a paid withdrawal: " + moved);
        }
        records.moved(payment.id(), PAID, null, applied.transactionId(), clock.instant());
        return "paid";
    }

    /** The provider could not pay: the money goes back to the player's cash. Called by the webhook intake. */
    String payoutFailed(Payment payment, String reason) {
        if (!SENT.equals(payment.status())) {
            return "ignored_after_" + payment.status();
        }
        returnFunds(payment, Payment.FAILED, reason == null ? "the payout failed at the provider" : reason);
        return "returned";
    }

    private void returnFunds(Payment payment, String status, String reason) {
        WalletOutcome moved = wallet.execute(new WalletCommand.Transfer("withdrawal:" + payment.id() + ":return",
                TransactionKind.WITHDRAWAL_RETURNED, List.of(
                        new Posting(account(payment, AccountKind.LOCKED), -payment.amount()),
                        new Posting(account(payment, AccountKind.CASH), payment.amount())),
                "withdrawal:" + payment.id(), "Withdrawal " + status));
        if (!(moved instanceof WalletOutcome.Applied applied)) {
            throw new IllegalStateException("the wallet refused to return a withdrawal: " + moved);
        }
        records.moved(payment.id(), status, reason, applied.transactionId(), clock.instant());
    }

    private static AccountRef account(Payment payment, AccountKind kind) {
        return new AccountRef.Player(payment.playerId(), payment.brand(), Currency.getInstance(payment.currency()), kind);
    }

    private static AccountRef house(Payment payment) {
        return new AccountRef.House(payment.brand(), Currency.getInstance(payment.currency()), HouseAccountKind.PSP_CLEARING);
    }

    private Payment reload(UUID id) {
        return transactions.execute(status -> records.byId(id)).orElseThrow();
    }
}
