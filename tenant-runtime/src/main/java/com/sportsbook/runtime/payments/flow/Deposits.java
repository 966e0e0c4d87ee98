package com.sportsbook.runtime.payments.flow;

import com.sportsbook.runtime.payments.DepositGate;
import com.sportsbook.runtime.payments.ProviderStart;
import com.sportsbook.runtime.payments.DepositStartRequest;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Starting a deposit: the compliance gate first, then a pending payment is recorded (one transaction, the player's
 * deposit starts taking turns) and the provider is asked to collect. Nothing is credited here; the wallet is credited by the provider's verified webhook ({@link
 * WebhookIntake}). The player's idempotency key makes a retried request return the first one's payment.
 */
public final class Deposits {

    private static final Logger log = LoggerFactory.getLogger(Deposits.class);

    /** @param paymentMethod the instrument the player chose, if the client names it (optional) */
    public record Command(UUID playerId, String brand, String brandHost, long amount, String currency,
            String idempotencyKey, String paymentMethod) {
    }

    public sealed interface Result {
        /** @param replayed the same request came before; this is its payment */
        record Started(Payment payment, String clientSecret, boolean replayed) implements Result {
        }

        record Refused(String code, String detail, int status) implements Result {
        }

        record KeyReused() implements Result {
        }
    }

    private final PaymentRecords records;
    private final PaymentProvider provider;
    private final DepositGate gate;
    private final TransactionOperations transactions;
    private final Clock clock;

    Deposits(PaymentRecords records, PaymentProvider provider, DepositGate gate, TransactionOperations transactions,
            Clock clock) {
        this.records = records;
        this.provider = provider;
        this.gate = gate;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result start(Command command) {
        String key = "deposit:" + command.playerId() + ":" + command.idempotencyKey();
        String hash = hash(command.amount() + "|" + command.currency() + "|" + command.brand());
        Optional<Payment> earlier = transactions.execute(status -> records.byIdempotencyKey(key));
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Instant now = clock.instant();
        Payment payment = new Payment(UUID.randomUUID(), "deposit", command.playerId(), command.brand(), command.amount(),
                command.currency(), provider.name(), null, Payment.PENDING, Payment.PENDING, null, hash, null, now, now);
        // the gate counts the player's pending deposits: checking and recording take turns per player, or two deposits
        // started together would both fit the same headroom
        Result notStarted = transactions.execute(status -> {
            records.lockDepositStarts(command.playerId());
            Optional<Payment> raced = records.byIdempotencyKey(key);
            if (raced.isPresent()) {
                return replay(raced.get(), hash);
            }
            DepositGate.Decision decision = gate.check(command.playerId(), command.brand(), command.amount(),
                    command.currency());
            if (decision instanceof DepositGate.Decision.Refused refused) {
                return new Result.Refused(refused.code(), refused.detail(), refused.status());
            }
            if (!records.insert(payment, key)) {
                return replay(records.byIdempotencyKey(key).orElseThrow(), hash);
            }
            return null;
        });
        if (notStarted != null) {
            return notStarted;
        }
        String tenant = TenantContext.require().slug().value();
        ProviderStart started;
        try {
            started = provider.startDeposit(new DepositStartRequest(tenant, command.brand(), command.brandHost(),
                    payment.id(), command.playerId(), command.amount(), command.currency(), command.paymentMethod()));
        } catch (RuntimeException unreachable) {
            log.warn("deposit {} could not be started with {}: {}", payment.id(), provider.name(), unreachable.getMessage());
            transactions.executeWithoutResult(status -> records.started(payment.id(), null, Payment.FAILED, Payment.FAILED,
                    "the payment provider could not be reached", clock.instant()));
            return new Result.Started(reload(payment.id()), null, false);
        }
        return switch (started) {
            case ProviderStart.Pending pending -> {
                transactions.executeWithoutResult(status -> records.started(payment.id(), pending.reference(),
                        Payment.PENDING, Payment.PENDING, null, clock.instant()));
                yield new Result.Started(reload(payment.id()), pending.clientSecret(), false);
            }
            case ProviderStart.Declined declined -> {
                transactions.executeWithoutResult(status -> records.started(payment.id(), declined.reference(),
                        Payment.DECLINED, Payment.DECLINED, declined.reason(), clock.instant()));
                yield new Result.Started(reload(payment.id()), null, false);
            }
        };
    }

    public Optional<Payment> find(UUID paymentId) {
        return transactions.execute(status -> records.byId(paymentId));
    }

    public List<Payment> recent(UUID playerId, int limit) {
        return transactions.execute(status -> records.ofPlayer(playerId, "deposit", limit));
    }

    private Result replay(Payment payment, String hash) {
        if (!payment.requestHash().equals(hash)) {
            return new Result.KeyReused();
        }
        return new Result.Started(payment, null, true);
    }

    private Payment reload(UUID id) {
        return transactions.execute(status -> records.byId(id)).orElseThrow();
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
