package com.sportsbook.runtime.betting.cashout;

import com.sportsbook.commons.ids.TimeOrderedIds;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.core.BetRejection;
import com.sportsbook.runtime.betting.core.CashOutValue;
import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.betting.placement.BetRefused;
import com.sportsbook.runtime.betting.placement.BetView;
import com.sportsbook.runtime.betting.placement.RiskBook;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Cash-out of running singles and multiples: a quote (fair value and offer after the cash-out margin, unavailable
 * while any leg's market is not open), full or partial acceptance re-validated like a bet (markets held still, the
 * offer recomputed: a lower offer than the player saw is refused), and automatic cash-out when the offer reaches
 * the player's target. The money: the cashed stake leaves the stakes held, the payout goes to the player's cash,
 * the difference to revenue, in one ledger transaction whose key derives from the cash-out, once.
 */
public final class CashOuts {

    private static final Set<String> RUNNING = Set.of("accepted", "open", "partially_cashed_out");

    public record LegNow(UUID selectionId, String selection, BigDecimal taken, BigDecimal now, String marketStatus) {
    }

    public record Quote(UUID betId, boolean available, String reason, long stake, BigDecimal fairValue, long offer,
            List<LegNow> legs) {
    }

    public record CashOut(UUID id, UUID betId, BigDecimal fraction, long stakePart, long payout, long offer,
            boolean automatic, Instant at) {
    }

    public record Done(CashOut cashOut, BetView bet, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final BetOffers offers;
    private final BetRecords records;
    private final RiskBook risk;
    private final Wallet wallet;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final AuditTrail audit;

    public CashOuts(JdbcClient jdbc, BetOffers offers, BetRecords records, RiskBook risk, Wallet wallet,
            TransactionOperations transactions, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.offers = offers;
        this.records = records;
        this.risk = risk;
        this.wallet = wallet;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
    }

    public Optional<Quote> quote(UUID player, UUID betId) {
        return transactions.execute(status -> records.find(betId).filter(bet -> bet.playerId().equals(player))
                .map(bet -> value(bet, offers.read(selections(bet)))));
    }

    /** Cashes out {@code fraction} of the bet if the offer is still at least {@code expectedOffer} for the whole stake. */
    public Done cashOut(UUID player, UUID betId, BigDecimal fraction, long expectedOffer, String key, boolean automatic) {
        if (fraction == null || fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) > 0 || fraction.scale() > 4) {
            throw new BetRefused(BetRejection.INVALID_BETSLIP, "A cash-out fraction is above 0 and at most 1, four decimals at most.");
        }
        String hash = fraction.stripTrailingZeros().toPlainString() + "|" + expectedOffer;
        return transactions.execute(status -> {
            Map<String, Object> row = jdbc.sql("SELECT player_id, brand, currency, status, total_stake FROM bet WHERE id = ? FOR UPDATE")
                    .param(betId).query().listOfRows().stream().findFirst().orElse(null);
            if (row == null || !player.equals(row.get("player_id"))) {
                throw new BetRefused(BetRejection.BET_NOT_FOUND, "There is no such bet.");
            }
            Optional<Done> replay = jdbc.sql(SELECT_CASH_OUT + " WHERE bet_id = ? AND idempotency_key = ?").params(betId, key)
                    .query((rs, n) -> Map.entry(cashOut(rs), rs.getString("request_hash"))).optional()
                    .map(earlier -> {
                        if (!earlier.getValue().equals(hash)) {
                            throw new BetRefused(BetRejection.IDEMPOTENCY_KEY_REUSED, "This idempotency key cashed out differently before.");
                        }
                        return new Done(earlier.getKey(), records.find(betId).orElseThrow(), true);
                    });
            if (replay.isPresent()) {
                return replay.get();
            }
            BetView bet = records.find(betId).orElseThrow();
            Quote now = value(bet, offers.lockForBet(selections(bet)));
            if (!now.available()) {
                throw new BetRefused(BetRejection.CASH_OUT_UNAVAILABLE, "Cash-out is not available: " + now.reason() + ".");
            }
            if (now.offer() < expectedOffer) {
                throw new BetRefused(BetRejection.CASH_OUT_CHANGED, "The cash-out offer moved to " + now.offer() + ".",
                        Map.of("offer", now.offer()));
            }
            BigDecimal margin = margin();
            long stakePart = CashOutValue.stakePart(bet.totalStake(), fraction);
            List<CashOutValue.Leg> legs = now.legs().stream().map(l -> new CashOutValue.Leg(l.taken(), l.now())).toList();
            long payout = CashOutValue.offer(stakePart, legs, margin);
            UUID cashOutId = TimeOrderedIds.next();
            Instant at = clock.instant();
            UUID transaction = pay(bet, (String) row.get("brand"), stakePart, payout, cashOutId);
            jdbc.sql("""
                    INSERT INTO bet_cash_out (id, bet_id, idempotency_key, request_hash, fraction, stake_part, payout, offer,
                      automatic, transaction_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(cashOutId, betId, key, hash, fraction, stakePart, payout, now.offer(), automatic, transaction,
                            Timestamp.from(at))
                    .update();
            long remaining = bet.totalStake() - stakePart;
            BigDecimal odds = bet.legs().stream().map(BetView.Leg::price).reduce(BigDecimal.ONE, BigDecimal::multiply);
            String next = remaining == 0 ? "cashed_out" : "partially_cashed_out";
            if (remaining == 0) {
                // the whole running stake is cashed: the bet is decided, its return is the payout
                jdbc.sql("UPDATE bet SET status = ?, potential_return = ?, decided_at = ?, auto_cash_out_target = NULL WHERE id = ?")
                        .params(next, payout, Timestamp.from(at), betId).update();
            } else {
                // the rest keeps running: the stake and the potential return shrink to it
                jdbc.sql("UPDATE bet SET status = ?, unit_stake = ?, total_stake = ?, potential_return = ? WHERE id = ?")
                        .params(next, remaining, remaining,
                                BigDecimal.valueOf(remaining).multiply(odds).setScale(0, RoundingMode.DOWN).longValueExact(), betId)
                        .update();
                jdbc.sql("UPDATE bet_line SET stake = ? WHERE bet_id = ?").params(remaining, betId).update();
            }
            records.transition(betId, bet.status(), next, (automatic ? "automatic cash-out at the player's target: " : "cash-out: ")
                    + stakePart + " of the stake for " + payout + " (offer " + now.offer() + " for " + bet.totalStake() + ")", at);
            audit.record(AuditEntry.of("bet.cashed_out", betId).reference(transaction).by(automatic ? "system" : "player:" + player)
                    .at(at).with("cashOut", cashOutId).with("fraction", fraction).with("stakePart", stakePart).with("payout", payout)
                    .with("offer", now.offer()).with("automatic", automatic).with("transaction", transaction).with("status", next));
            long payoutsPart = BigDecimal.valueOf(stakePart).multiply(odds).setScale(0, RoundingMode.DOWN).longValueExact();
            for (BetView.Leg leg : bet.legs()) {
                risk.expose(leg.selectionId(), leg.marketId(), bet.currency(), -stakePart, -payoutsPart);
            }
            return new Done(new CashOut(cashOutId, betId, fraction, stakePart, payout, now.offer(), automatic, at),
                    records.find(betId).orElseThrow(), false);
        });
    }

    /** Sets (or clears, with null) the offer at which the bet cashes out by itself. */
    public boolean target(UUID player, UUID betId, Long target) {
        Integer updated = transactions.execute(status -> jdbc.sql("""
                UPDATE bet SET auto_cash_out_target = ? WHERE id = ? AND player_id = ? AND status IN ('accepted', 'open', 'partially_cashed_out')""")
                .params(target, betId, player).update());
        return updated != null && updated == 1;
    }

    /**
     * The running bets with an automatic cash-out target, read every second. In the order of the partial index that
     * holds only such bets, so PostgreSQL walks that index even before it has statistics on the table (a new tenant,
     * or no autovacuum): without the order it planned a scan of every bet the tenant ever took (8.6 ms at 50,000).
     */
    public static final String AUTO_CASH_OUT_TARGETS = """
            SELECT id, player_id, brand, auto_cash_out_target FROM bet WHERE auto_cash_out_target IS NOT NULL
            AND status IN ('accepted', 'open', 'partially_cashed_out') ORDER BY id LIMIT 200""";

    /**
     * Set in the sweep's transaction before it reads: once the driver has prepared the sweep on the server, PostgreSQL
     * keeps the plan it made then, and without statistics nothing makes it plan again. A plan made while the book was
     * small (a scan of every bet and a sort, cheaper then) stayed as the book grew: 920 pages a pass on average and up
     * to 75 ms in the benchmark at 100,000 bets, holding one of the runtime's connections. With scans of the whole
     * table and sorts priced out for this transaction only, the plan is the partial index's at any size.
     */
    static final String PLAN_BY_THE_TARGETS_INDEX = """
            SELECT set_config('enable_seqscan', 'off', true), set_config('enable_bitmapscan', 'off', true),
              set_config('enable_sort', 'off', true)""";

    /**
     * Cashes out the bound tenant's bets whose offer reached their target, on brands where cash-out is on now;
     * returns how many.
     */
    public int autoCashOuts(java.util.function.Predicate<String> cashOutOnBrand) {
        List<Map<String, Object>> targets = transactions.execute(status -> {
            jdbc.sql(PLAN_BY_THE_TARGETS_INDEX).query().listOfRows();
            return jdbc.sql(AUTO_CASH_OUT_TARGETS).query().listOfRows();
        });
        int done = 0;
        for (Map<String, Object> target : targets == null ? List.<Map<String, Object>>of() : targets) {
            if (!cashOutOnBrand.test((String) target.get("brand"))) {
                continue;
            }
            UUID bet = (UUID) target.get("id");
            UUID player = (UUID) target.get("player_id");
            Optional<Quote> quote = quote(player, bet);
            long wanted = ((Number) target.get("auto_cash_out_target")).longValue();
            if (quote.isPresent() && quote.get().available() && quote.get().offer() >= wanted) {
                try {
                    cashOut(player, bet, BigDecimal.ONE, quote.get().offer(), "auto:" + bet, true);
                    done++;
                } catch (BetRefused moved) {
                    // the offer moved or a market closed between the look and the cash-out: next round
                }
            }
        }
        return done;
    }

    private Quote value(BetView bet, Map<UUID, BetOffers.Offer> current) {
        List<LegNow> legs = new ArrayList<>();
        String reason = RUNNING.contains(bet.status()) ? null : "the bet is " + bet.status();
        if (reason == null && bet.lines() != 1) {
            reason = "system bets cash out when settled";
        }
        for (BetView.Leg leg : bet.legs()) {
            BetOffers.Offer offer = current.get(leg.selectionId());
            String market = offer == null ? "closed" : !offer.selectionActive() ? "closed" : offer.marketStatus();
            if (reason == null && !"open".equals(market)) {
                reason = "the market of " + leg.selection() + " is " + market;
            }
            legs.add(new LegNow(leg.selectionId(), leg.selection(), leg.price(), offer == null ? null : offer.price(), market));
        }
        if (reason != null) {
            return new Quote(bet.id(), false, reason, bet.totalStake(), BigDecimal.ZERO, 0, legs);
        }
        List<CashOutValue.Leg> values = legs.stream().map(l -> new CashOutValue.Leg(l.taken(), l.now())).toList();
        return new Quote(bet.id(), true, null, bet.totalStake(), CashOutValue.fair(bet.totalStake(), values).setScale(2, RoundingMode.DOWN),
                CashOutValue.offer(bet.totalStake(), values, margin()), legs);
    }

    private UUID pay(BetView bet, String brand, long stakePart, long payout, UUID cashOutId) {
        Currency currency = Currency.getInstance(bet.currency());
        List<Posting> postings = new ArrayList<>();
        postings.add(new Posting(AccountRef.house(brand, currency, HouseAccountKind.STAKES_HELD), -stakePart));
        if (payout > 0) {
            postings.add(new Posting(AccountRef.cash(bet.playerId(), brand, currency), payout));
        }
        if (stakePart != payout) {
            postings.add(new Posting(AccountRef.house(brand, currency, HouseAccountKind.REVENUE), stakePart - payout));
        }
        WalletOutcome outcome = wallet.execute(new WalletCommand.Transfer("cash-out:" + cashOutId, TransactionKind.PAYOUT,
                postings, bet.id().toString(), "cash-out of bet " + bet.id()));
        if (outcome instanceof WalletOutcome.Applied applied) {
            return applied.transactionId();
        }
        throw new IllegalStateException("the wallet refused a cash-out payout: " + outcome);
    }

    private BigDecimal margin() {
        return jdbc.sql("SELECT cash_out_margin FROM betting_limits WHERE id = 1").query(BigDecimal.class).single();
    }

    private static List<UUID> selections(BetView bet) {
        return bet.legs().stream().map(BetView.Leg::selectionId).toList();
    }

    private static final String SELECT_CASH_OUT = """
            SELECT id, bet_id, fraction, stake_part, payout, offer, automatic, at, request_hash FROM bet_cash_out""";

    private static CashOut cashOut(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CashOut(rs.getObject("id", UUID.class), rs.getObject("bet_id", UUID.class), rs.getBigDecimal("fraction"),
                rs.getLong("stake_part"), rs.getLong("payout"), rs.getLong("offer"), rs.getBoolean("automatic"),
                rs.getTimestamp("at").toInstant());
    }
}
