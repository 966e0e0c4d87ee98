package com.sportsbook.runtime.settlement.run;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.betting.placement.RiskBook;
import com.sportsbook.runtime.settlement.core.LegVerdicts;
import com.sportsbook.runtime.settlement.core.Outcome;
import com.sportsbook.runtime.settlement.core.SettledBet;
import com.sportsbook.runtime.settlement.core.SettlementReturns;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Settles one bet, in the caller's transaction, under the bet's row lock: each leg's verdict from what is known
 * (a manual void voids every leg), the return, and the money. A running bet settles once: its remaining stake
 * leaves the stakes held, the return goes to the player's cash and the difference to revenue, in one ledger
 * transaction keyed by the bet and the settlement version, so a rerun pays nothing twice. A settled bet whose
 * verdict changed (a corrected result, a void) is resettled: the earlier settlement's transaction is reversed by a
 * new one that references it (what the player no longer has becomes a visible debt) and the new version is paid.
 * Every version is kept with each leg's outcome.
 */
public final class BetSettler {

    public static final String MANUAL_VOID = "manual_void";

    private static final Set<String> RUNNING = Set.of("accepted", "open", "partially_cashed_out");
    private static final Set<String> SETTLED = Set.of("won", "lost", "void", "half_won", "half_lost", "resettled");

    /** What settling a bet did. */
    public enum Change {
        SETTLED,
        RESETTLED,
        UNCHANGED,
        /** A leg is not decided yet (its event has no result): the bet keeps running. */
        WAITING,
        /** Not a bet that settles (pending, rejected, cashed out, unknown). */
        NOT_SETTLEABLE
    }

    private record Previous(int version, String status, long payout, UUID transactionId, List<String> outcomes) {
    }

    private final JdbcClient jdbc;
    private final BetRecords records;
    private final RiskBook risk;
    private final Wallet wallet;
    private final AuditTrail audit;

    public BetSettler(JdbcClient jdbc, BetRecords records, RiskBook risk, Wallet wallet, AuditTrail audit) {
        this.jdbc = jdbc;
        this.records = records;
        this.risk = risk;
        this.wallet = wallet;
        this.audit = audit;
    }

    Change settle(UUID betId, SettlementFacts facts, String cause, Instant now) {
        Optional<BetView> locked = records.lock(betId);
        if (locked.isEmpty()) {
            return Change.NOT_SETTLEABLE;
        }
        BetView bet = locked.get();
        boolean running = RUNNING.contains(bet.status());
        if (!running && !SETTLED.contains(bet.status())) {
            return Change.NOT_SETTLEABLE;
        }
        List<LegVerdicts.Verdict> verdicts = verdicts(bet, facts);
        if (verdicts == null) {
            return running ? Change.WAITING : Change.UNCHANGED;
        }
        List<BetRecords.Line> lines = records.lines(betId);
        List<SettlementReturns.Leg> legs = new ArrayList<>();
        for (int i = 0; i < bet.legs().size(); i++) {
            legs.add(new SettlementReturns.Leg(bet.legs().get(i).price(), verdicts.get(i).outcome()));
        }
        SettledBet settled = SettledBet.of(bet.unitStake(), legs, lines.stream().map(BetRecords.Line::positions).toList());
        List<String> outcomes = verdicts.stream().map(v -> wire(v.outcome())).toList();
        String brand = records.brandOf(betId);
        if (running) {
            UUID transaction = pay(bet, brand, settled.payout(), 1);
            record(bet, 1, settled, transaction, verdicts, cause, now);
            records.settled(betId, settled.status().wire(), settled.payout(), 1, outcomes, voidReasons(verdicts));
            records.transition(betId, bet.status(), settled.status().wire(), cause, now);
            audit.record(audited("bet.settled", bet, 1, settled, transaction, verdicts, cause, now));
            risk.release(bet, lines);
            return Change.SETTLED;
        }
        Previous previous = previous(betId);
        if (previous.status().equals(settled.status().wire()) && previous.payout() == settled.payout()
                && previous.outcomes().equals(outcomes)) {
            return Change.UNCHANGED;
        }
        int version = previous.version() + 1;
        WalletOutcome reversal = wallet.execute(new WalletCommand.ReverseAllowingDebt("resettle:" + betId + ":" + version,
                previous.transactionId(), "resettlement of bet " + betId + " (version " + previous.version() + " -> " + version + ")"));
        if (!(reversal instanceof WalletOutcome.Applied reversed)) {
            throw new IllegalStateException("the wallet refused to reverse settlement " + previous.version() + " of bet " + betId + ": " + reversal);
        }
        jdbc.sql("UPDATE bet_settlement SET reversal_transaction_id = ? WHERE bet_id = ? AND version = ?")
                .params(reversed.transactionId(), betId, previous.version()).update();
        UUID transaction = pay(bet, brand, settled.payout(), version);
        record(bet, version, settled, transaction, verdicts, cause, now);
        records.settled(betId, "resettled", settled.payout(), version, outcomes, voidReasons(verdicts));
        records.transition(betId, bet.status(), "resettled", "resettled as " + settled.status().wire() + " returning "
                + settled.payout() + " (was " + previous.status() + " returning " + previous.payout() + "): " + cause, now);
        audit.record(audited("bet.resettled", bet, version, settled, transaction, verdicts, cause, now)
                .with("previousStatus", previous.status()).with("previousPayout", previous.payout())
                .with("reversal", reversed.transactionId()));
        return Change.RESETTLED;
    }

    /** A settlement (version) as the audit log keeps it: each leg's outcome, the return and the ledger transaction. */
    private static AuditEntry audited(String kind, BetView bet, int version, SettledBet settled, UUID transaction,
            List<LegVerdicts.Verdict> verdicts, String cause, Instant now) {
        List<Map<String, Object>> legs = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            Map<String, Object> leg = new LinkedHashMap<>();
            leg.put("position", i);
            leg.put("outcome", wire(verdicts.get(i).outcome()));
            leg.put("deadHeatFactor", verdicts.get(i).outcome().deadHeatFactor());
            leg.put("voidReason", verdicts.get(i).voidReason());
            legs.add(leg);
        }
        return AuditEntry.of(kind, bet.id()).reference(transaction).at(now).with("version", version)
                .with("status", settled.status().wire()).with("stake", bet.totalStake()).with("payout", settled.payout())
                .with("currency", bet.currency()).with("transaction", transaction).with("legs", legs).with("cause", cause);
    }

    /** Each leg's verdict, or null while a leg is undecided. */
    private List<LegVerdicts.Verdict> verdicts(BetView bet, SettlementFacts facts) {
        boolean manuallyVoided = jdbc.sql("SELECT count(*) FROM bet_void WHERE bet_id = ? AND status = 'applied'")
                .param(bet.id()).query(Long.class).single() > 0;
        List<LegVerdicts.Verdict> verdicts = new ArrayList<>();
        for (BetView.Leg leg : bet.legs()) {
            if (manuallyVoided) {
                verdicts.add(new LegVerdicts.Verdict(Outcome.VOID, MANUAL_VOID));
                continue;
            }
            LegVerdicts.LegFacts legFacts = new LegVerdicts.LegFacts(leg.marketType(), leg.line(), leg.selectionKey(),
                    bet.inPlay(), bet.decidedAt(), facts.market(leg.marketId()));
            Optional<LegVerdicts.Verdict> verdict = LegVerdicts.judge(legFacts, facts.event(leg.eventId()));
            if (verdict.isEmpty()) {
                return null;
            }
            verdicts.add(verdict.get());
        }
        return verdicts;
    }

    /** The stake leaves the stakes held; the return goes to the player; the rest is the house's (won or lost). */
    private UUID pay(BetView bet, String brand, long payout, int version) {
        Currency currency = Currency.getInstance(bet.currency());
        long stake = bet.totalStake();
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(AccountRef.house(brand, currency, HouseAccountKind.STAKES_HELD), -stake));
        if (payout > 0) {
            postings.add(new Posting(AccountRef.cash(bet.playerId(), brand, currency), payout));
        }
        if (stake != payout) {
            postings.add(new Posting(AccountRef.house(brand, currency, HouseAccountKind.REVENUE), stake - payout));
        }
        WalletOutcome outcome = wallet.execute(new WalletCommand.Transfer("settle:" + bet.id() + ":" + version,
                payout > 0 ? TransactionKind.PAYOUT : TransactionKind.SETTLEMENT, postings, bet.id().toString(),
                "settlement " + version + " of bet " + bet.id()));
        if (outcome instanceof WalletOutcome.Applied applied) {
            return applied.transactionId();
        }
        throw new IllegalStateException("the wallet refused settlement " + version + " of bet " + bet.id() + ": " + outcome);
    }

    private void record(BetView bet, int version, SettledBet settled, UUID transaction, List<LegVerdicts.Verdict> verdicts,
            String cause, Instant now) {
        jdbc.sql("""
                INSERT INTO bet_settlement (bet_id, version, status, stake, payout, transaction_id, cause, settled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(bet.id(), version, settled.status().wire(), bet.totalStake(), settled.payout(), transaction,
                        cause.length() > 500 ? cause.substring(0, 500) : cause, Timestamp.from(now))
                .update();
        for (int position = 0; position < verdicts.size(); position++) {
            Outcome outcome = verdicts.get(position).outcome();
            jdbc.sql("""
                    INSERT INTO bet_leg_settlement (bet_id, version, position, outcome, dead_heat_factor, void_reason)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(bet.id(), version, position, wire(outcome), outcome.deadHeatFactor(),
                            verdicts.get(position).voidReason())
                    .update();
        }
    }

    private Previous previous(UUID betId) {
        return jdbc.sql("""
                SELECT s.version, s.status, s.payout, s.transaction_id,
                  (SELECT string_agg(l.outcome, ',' ORDER BY l.position) FROM bet_leg_settlement l
                   WHERE l.bet_id = s.bet_id AND l.version = s.version) AS outcomes
                FROM bet_settlement s WHERE s.bet_id = ? ORDER BY s.version DESC LIMIT 1""")
                .param(betId)
                .query((rs, row) -> new Previous(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getObject(4, UUID.class),
                        List.of(rs.getString(5).split(","))))
                .single();
    }

    private static List<String> voidReasons(List<LegVerdicts.Verdict> verdicts) {
        return verdicts.stream().map(LegVerdicts.Verdict::voidReason).toList();
    }

    static String wire(Outcome outcome) {
        return outcome.kind().name().toLowerCase(Locale.ROOT);
    }

}
