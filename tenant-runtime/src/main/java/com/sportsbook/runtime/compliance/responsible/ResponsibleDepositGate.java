package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.commons.rules.KycTiming;
import com.sportsbook.runtime.compliance.kyc.KycStatus;
import com.sportsbook.runtime.compliance.responsible.core.Headroom;
import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.compliance.rules.Amounts;
import com.sportsbook.runtime.compliance.rules.BrandRules;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.compliance.screening.EnhancedDueDiligence;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.DepositGate;
import com.sportsbook.runtime.payments.PendingDeposits;
import com.sportsbook.runtime.wallet.Statement;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Payments' deposit gate answered by compliance: the person's exclusion, identity verification the jurisdiction
 * wants before play or above its cumulative deposit threshold, the enhanced due diligence a PEP hit waits for (above
 * the tenant's review amount), a deposit limit the jurisdiction wants set before any deposit, the player's deposit
 * limits (the lowest headroom of their periods; a deposit refused by one is recorded as a limit hit), then the
 * jurisdiction's deposit caps per day, week and month (rolling, like the limits). Limits and caps count the deposits
 * credited in the window and every deposit still pending at the provider ({@link PendingDeposits}): payments asks in
 * the transaction that records the deposit, the player's deposit starts taking turns, so deposits started together
 * cannot pass a limit by their sum. The rules fail closed.
 */
final class ResponsibleDepositGate implements DepositGate {

    private final ExclusionChecks checks;
    private final Limits limits;
    private final Usage usage;
    private final EffectiveRules rules;
    private final KycStatus kyc;
    private final Players players;
    private final Wallet wallet;
    private final TransactionOperations transactions;
    private final LimitHits hits;
    private final PendingDeposits pending;
    private final EnhancedDueDiligence dueDiligence;

    ResponsibleDepositGate(ExclusionChecks checks, Limits limits, Usage usage, EffectiveRules rules, KycStatus kyc,
            Players players, Wallet wallet, TransactionOperations transactions, LimitHits hits, PendingDeposits pending,
            EnhancedDueDiligence dueDiligence) {
        this.checks = checks;
        this.limits = limits;
        this.usage = usage;
        this.rules = rules;
        this.kyc = kyc;
        this.players = players;
        this.wallet = wallet;
        this.transactions = transactions;
        this.hits = hits;
        this.pending = pending;
        this.dueDiligence = dueDiligence;
    }

    @Override
    public Decision check(UUID playerId, String brand, long amount, String currency) {
        BrandRules rules = this.rules.forBrand(brand);
        Optional<PlayerView> found = players.byId(playerId);
        if (found.isEmpty()) {
            return new Decision.Refused("player_cannot_deposit", "There is no such player.", 403);
        }
        PlayerView player = found.get();
        return transactions.execute(status -> decide(player, rules, amount, currency));
    }

    private Decision decide(PlayerView player, BrandRules rules, long amount, String currency) {
        Optional<Exclusions.Exclusion> excluded = checks.exclusionOf(player);
        if (excluded.isPresent()) {
            return new Decision.Refused(excluded.get().kind().status().wireName(),
                    excluded.get().asRestriction().detail() + " You may still withdraw your balance.", 403);
        }
        // pending before credited (the ledger): a deposit credited in between is then counted twice rather than not at all
        long awaitingProvider = pending.total(player.id(), player.currency(), Instant.EPOCH);
        String jurisdictions = String.join(", ", rules.jurisdictions());
        boolean verified = rules.kycTiming() == KycTiming.BEFORE_WITHDRAWAL || kyc.of(player.id()).verified();
        if (rules.kycTiming() == KycTiming.BEFORE_PLAY && !verified) {
            return new Decision.Refused("kyc_required", "The rules of " + jurisdictions
                    + " require your identity to be verified before you deposit.", 403);
        }
        if (rules.kycTiming() == KycTiming.DEPOSIT_THRESHOLD && !verified) {
            OptionalLong threshold = rules.kycDepositThreshold().in(currency);
            long started = currency.equals(player.currency()) ? awaitingProvider
                    : pending.total(player.id(), currency, Instant.EPOCH);
            long deposited = started + wallet.lifetimeTotals(player.id(), player.brand()).stream()
                    .filter(totals -> totals.currency().equals(currency)).mapToLong(Statement.LifetimeTotals::deposits).sum();
            if (threshold.isPresent() && deposited + amount > threshold.getAsLong()) {
                return new Decision.Refused("kyc_required", "The rules of " + jurisdictions + " require your identity to be"
                        + " verified before your deposits reach " + threshold.getAsLong() + " " + currency + ".", 403);
            }
        }
        Optional<EnhancedDueDiligence.Required> review = dueDiligence.depositRefusal(player.id(), player.brand(), amount,
                currency);
        if (review.isPresent()) {
            return new Decision.Refused("enhanced_due_diligence_required", review.get().detail(), 403);
        }
        Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> all = limits.of(player.id());
        Map<LimitPeriod, Long> depositLimits = ResponsibleBettingGate.amounts(all.get(LimitKind.DEPOSIT));
        if (rules.depositLimitRequiredAtRegistration() && depositLimits.isEmpty()) {
            return new Decision.Refused("deposit_limit_required", "The rules of " + jurisdictions
                    + " require you to set a deposit limit before you deposit.", 422);
        }
        Map<LimitPeriod, Long> deposited = new EnumMap<>(LimitPeriod.class);
        Map<LimitPeriod, Amounts> caps = Map.of(LimitPeriod.DAY, rules.depositCaps().daily(),
                LimitPeriod.WEEK, rules.depositCaps().weekly(), LimitPeriod.MONTH, rules.depositCaps().monthly());
        for (LimitPeriod period : LimitPeriod.values()) {
            if (depositLimits.containsKey(period) || caps.get(period).in(currency).isPresent()) {
                deposited.put(period, usage.money(player, period).deposited() + awaitingProvider);
            }
        }
        if (player.currency().equals(currency) && !depositLimits.isEmpty()) {
            Map<LimitPeriod, Long> used = new EnumMap<>(LimitPeriod.class);
            depositLimits.keySet().forEach(period -> used.put(period, deposited.get(period)));
            long left = Headroom.remaining(depositLimits, used);
            if (amount > left) {
                // the refusal commits (see DepositGate), and this transaction holds the player's turn: no second connection
                hits.hitHere(player, LimitKind.DEPOSIT, "deposit_limit_exceeded", amount, "deposit of " + amount + " " + currency
                        + " refused: " + left + " left of the deposit limit " + ResponsibleBettingGate.wire(depositLimits));
                return new Decision.Refused("deposit_limit_exceeded", "This deposit would take you over your deposit limit: "
                        + left + " " + currency + " left.", 422);
            }
        }
        for (LimitPeriod period : LimitPeriod.values()) {
            OptionalLong cap = caps.get(period).in(currency);
            if (cap.isPresent() && deposited.get(period) + amount > cap.getAsLong()) {
                return new Decision.Refused("deposit_cap_exceeded", "The rules of " + jurisdictions + " cap deposits at "
                        + cap.getAsLong() + " " + currency + " a " + period.wire() + ": "
                        + Math.max(0, cap.getAsLong() - deposited.get(period)) + " left.", 422);
            }
        }
        return new Decision.Allowed();
    }
}
