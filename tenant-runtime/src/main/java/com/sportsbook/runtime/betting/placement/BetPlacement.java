package com.sportsbook.runtime.betting.placement;

import com.sportsbook.commons.ids.TimeOrderedIds;
import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.runtime.betting.core.BetRejection;
import com.sportsbook.runtime.betting.core.BetShape;
import com.sportsbook.runtime.betting.core.Betslip;
import com.sportsbook.runtime.betting.core.OddsPolicy;
import com.sportsbook.runtime.betting.core.Returns;
import com.sportsbook.runtime.betting.core.StakeLimits;
import com.sportsbook.runtime.catalog.BetOffers;
import com.sportsbook.runtime.catalog.TradingHolds;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Server-authoritative placement. In one transaction on the bound tenant's schema: the selections' markets are held
 * still, every check of DOMAIN.md runs (selection, market and event open, no past-posting, the odds-change policy,
 * minimum and maximum stake from payout cap, liability headroom and the player's stake factor, the player's right
 * to bet), the bet is recorded with a snapshot of every leg, and the stake is taken (or held, for an in-play bet
 * waiting its delay) by the wallet. A refusal rolls all of it back. The idempotency key is claimed by the bet row:
 * the same key and slip again returns the first bet, with another slip it is refused.
 */
public final class BetPlacement {

    /** A placement's result; {@code replayed} when the key had placed this bet before. */
    public record Placed(BetView bet, boolean replayed) {
    }

    /** One leg as the catalog offers it now. */
    public record QuotedLeg(UUID selectionId, String selection, String event, String marketType, BigDecimal line,
            String marketStatus, BigDecimal price, boolean inPlay) {
    }

    /** What a slip would be: current prices, lines, the stake range per line, and the return at the asked stake. */
    public record Quote(List<QuotedLeg> legs, int lines, long minStake, long maxStake, long totalStake,
            long potentialReturn, boolean inPlay, int delaySeconds) {
    }

    private final BetOffers offers;
    private final TradingHolds holds;
    private final RiskBook risk;
    private final BetRecords records;
    private final Wallet wallet;
    private final BettingGate gate;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final BetAudit audit;
    private final DataSource dataSource;

    BetPlacement(BetOffers offers, TradingHolds holds, RiskBook risk, BetRecords records, Wallet wallet,
            BettingGate gate, TransactionOperations transactions, Clock clock, BetAudit audit, DataSource dataSource) {
        this.offers = offers;
        this.holds = holds;
        this.risk = risk;
        this.records = records;
        this.wallet = wallet;
        this.gate = gate;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.dataSource = dataSource;
    }

    public Quote quote(PlayerView player, Betslip slip) {
        refuseIf(slip.problem(player.currency()));
        return transactions.execute(status -> {
            RoundTrip reads = new RoundTrip(dataSource);
            RoundTrip.Answer<RiskBook.Limits> limitsRead = risk.limits(reads, player.id());
            RoundTrip.Answer<Map<UUID, BetOffers.Offer>> current = offers.read(reads,
                    slip.legs().stream().map(Betslip.Leg::selectionId).toList());
            reads.run();
            List<Priced> legs = price(slip, current.get(), OddsPolicy.ANY, clock.instant());
            RiskBook.Limits limits = limitsRead.get();
            List<List<Integer>> lines = slip.lines();
            long max = maxUnitStake(slip, legs, lines, limits, headrooms(slip, legs, limits));
            List<BigDecimal> prices = legs.stream().map(Priced::price).toList();
            return new Quote(legs.stream().map(leg -> new QuotedLeg(leg.offer().selectionId(), leg.offer().selectionName(),
                    leg.offer().eventName(), leg.offer().marketType(), leg.offer().line(), leg.offer().marketStatus(),
                    leg.offer().price(), leg.offer().inPlay())).toList(), lines.size(), limits.minStake(), max,
                    slip.totalStake(), Returns.potential(slip.unitStake(), prices, lines), legs.stream().anyMatch(l -> l.offer().inPlay()),
                    delay(player, legs));
        });
    }

    public Placed place(PlayerView player, Betslip slip, String idempotencyKey) {
        refuseIf(slip.problem(player.currency()));
        if (!"active".equals(player.status())) {
            // a time-out or self-exclusion says so by its own code
            String code = "self_excluded".equals(player.status()) || "timed_out".equals(player.status()) ? player.status()
                    : BetRejection.PLAYER_CANNOT_BET.code();
            throw new BetRefused(BetRejection.PLAYER_CANNOT_BET, code, BetRejection.PLAYER_CANNOT_BET.status(),
                    "This account may not bet (" + player.status().replace('_', ' ') + ").", Map.of());
        }
        String hash = requestHash(slip);
        try {
            return transactions.execute(status -> placeInTransaction(player, slip, idempotencyKey, hash));
        } catch (KeyTaken earlier) {
            // the key placed a bet before (or a concurrent placement with it committed first): answer as its replay
            return transactions.execute(status -> replay(player, idempotencyKey, hash).orElseThrow());
        } catch (BetRefused refused) {
            // a retry of an accepted bet is answered with that bet, whatever the market or balance say now
            return transactions.execute(status -> replay(player, idempotencyKey, hash)).orElseThrow(() -> refused);
        }
    }

    /**
     * The key is claimed by the bet row itself (unique per player), so a new bet, by far the common case, does not
     * look the key up first: a used key is found when the insert conflicts, and the transaction is rolled back before
     * the earlier bet is returned. A refusal looks the key up afterwards (see {@link #place}).
     */
    private Placed placeInTransaction(PlayerView player, Betslip slip, String key, String hash) {
        Instant now = clock.instant();
        List<UUID> selections = slip.legs().stream().map(Betslip.Leg::selectionId).toList();
        UUID betId = TimeOrderedIds.next();
        // the reads in one round trip: the risk book's limits, the offers (holding their markets still), the gate's
        // reads, and the player's account, locked after the markets (a transfer of the stake is posted with the bet)
        RoundTrip reads = new RoundTrip(dataSource);
        RoundTrip.Answer<RiskBook.Limits> limitsRead = risk.limits(reads, player.id());
        RoundTrip.Answer<Map<UUID, BetOffers.Offer>> current = offers.lockForBet(reads, selections);
        BettingGate.Check check = gate.prepare(player, reads);
        Wallet.StagedTransfer stakeTransfer = wallet.stage(stakeTransfer(player, slip, betId), reads);
        reads.run();
        List<Priced> legs = price(slip, current.get(), slip.policy(), now);
        check.refusal(wager(slip, legs)).ifPresent(refusal -> {
            throw new BetRefused(BetRejection.PLAYER_CANNOT_BET, refusal.code(), refusal.status(), refusal.detail(),
                    refusal.details());
        });
        RiskBook.Limits limits = limitsRead.get();
        List<List<Integer>> lines = slip.lines();
        if (slip.unitStake() < limits.minStake()) {
            throw new BetRefused(BetRejection.STAKE_BELOW_MINIMUM, "The stake per line is at least " + limits.minStake() + ".",
                    Map.of("minStake", limits.minStake()));
        }
        // the maximum payout and the stake factor first; the markets' liability once they are locked, further down
        refuseAboveMaximum(slip, maxUnitStake(slip, legs, lines, limits, legs.stream().map(leg -> Long.MAX_VALUE).toList()));
        List<BigDecimal> prices = legs.stream().map(Priced::price).toList();
        long potential = Returns.potential(slip.unitStake(), prices, lines);
        int delay = delay(player, legs);
        boolean inPlay = legs.stream().anyMatch(leg -> leg.offer().inPlay());
        String statusNow = delay > 0 ? "pending" : "accepted";
        // one round trip: the stake's transfer (a pending bet's hold is placed now, on its own), then the bet, which
        // holds its markets from here to the commit (only the liability check and the exposure wait on each other),
        // then the exposure of an accepted bet (a refusal below rolls it back; a pending bet is exposed when its delay
        // ends) or the headroom of a pending one, read after the lock; a key taken meanwhile rolls all of it back
        RoundTrip trip = new RoundTrip(dataSource);
        WalletOutcome.Applied stake = staked(slip, delay > 0 ? wallet.execute(stakeHold(player, slip, betId))
                : stakeTransfer.post(trip));
        BetRecords.NewBet bet = new BetRecords.NewBet(betId, player.id(), player.brand(), slip.currency(), slip.shape().name(),
                slip.unitStake(), lines.size(), slip.totalStake(), potential, slip.policy().wire(), inPlay, statusNow, key, hash,
                now, delay > 0 ? now.plusSeconds(delay) : null, stake.transactionId(), stake.holdId());
        List<BetView.Leg> legViews = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            Priced leg = legs.get(i);
            BetOffers.Offer offer = leg.offer();
            BetView.Leg view = new BetView.Leg(i, offer.selectionId(), offer.selectionKey(), offer.selectionName(),
                    offer.marketId(), offer.marketType(), offer.line(), offer.marketVersion(), offer.eventId(), offer.eventName(),
                    offer.sport(), leg.requested(), leg.price());
            legViews.add(view);
        }
        List<BetRecords.Line> lineRows = lineRows(lines, prices, slip.unitStake());
        BetView.Transition transition = delay > 0
                ? new BetView.Transition(null, "pending", "in-play bet delay of " + delay + " s", now)
                : new BetView.Transition(null, "accepted", "accepted at placement", now);
        RoundTrip.Answer<Integer> written = records.insert(trip, bet, legViews, lineRows, transition);
        List<BetOffers.Offer> offered = legs.stream().map(Priced::offer).toList();
        List<RoundTrip.Answer<Long>> headroomAnswers = delay == 0 ? exposeAfterHeadrooms(trip, offered, lineRows, slip.currency(), limits)
                : offered.stream().map(leg -> risk.headroom(trip, leg.marketId(), leg.selectionId(), slip.currency(),
                        limits.marketLiabilityLimit())).toList();
        trip.run();
        if (written.get() != 1) {
            throw new KeyTaken();
        }
        List<Long> headrooms = headroomAnswers.stream().map(RoundTrip.Answer::get).toList();
        refuseAboveMaximum(slip, maxUnitStake(slip, legs, lines, limits, headrooms));
        if (delay == 0) {
            suspendWhereHeadroomIsGone(offered, slip.currency(), limits, headroomsAfter(headrooms, lineRows));
        }
        // what was written, as a reader would see it (no second read)
        BetView placed = new BetView(betId, player.id(), bet.type(), bet.currency(), bet.unitStake(), bet.lines(),
                bet.totalStake(), bet.potentialReturn(), bet.oddsPolicy(), bet.inPlay(), bet.status(), null, now,
                bet.acceptAfter(), delay > 0 ? null : now, null, List.copyOf(legViews), List.of(transition));
        audit.placed(placed);
        return new Placed(placed, false);
    }

    private static void refuseAboveMaximum(Betslip slip, long max) {
        if (slip.unitStake() > max) {
            throw new BetRefused(BetRejection.STAKE_ABOVE_MAXIMUM, "The stake per line is at most " + max + " on these selections.",
                    Map.of("maxStake", max));
        }
    }

    /** Re-validates the bound tenant's bets whose delay has run out: accepts, re-prices or rejects each. */
    public int processDue(int limit) {
        Integer done = transactions.execute(status -> {
            Instant now = clock.instant();
            List<UUID> due = records.duePending(now, limit);
            for (UUID id : due) {
                settleDelay(records.find(id).orElseThrow(), now);
            }
            return due.size();
        });
        return done == null ? 0 : done;
    }

    private void settleDelay(BetView bet, Instant now) {
        Map<UUID, BetOffers.Offer> current = offers.lockForBet(bet.legs().stream().map(BetView.Leg::selectionId).toList());
        OddsPolicy policy = OddsPolicy.fromWire(bet.oddsPolicy()).orElse(OddsPolicy.NONE);
        UUID hold = records.holdOf(bet.id()).orElseThrow();
        List<BetOffers.Offer> offered = new ArrayList<>();
        List<BigDecimal> prices = new ArrayList<>();
        List<String> repriced = new ArrayList<>();
        for (BetView.Leg leg : bet.legs()) {
            BetOffers.Offer offer = current.get(leg.selectionId());
            Optional<BetRefused> refused = legRefusal(offer, now, false);
            Optional<BigDecimal> price = offer == null ? Optional.empty() : policy.take(leg.price(), offer.price());
            if (refused.isEmpty() && price.isEmpty()) {
                refused = Optional.of(new BetRefused(BetRejection.PRICE_CHANGED, "The price of " + leg.selection()
                        + " moved from " + leg.price() + " to " + offer.price() + " during the bet delay."));
            }
            if (refused.isPresent()) {
                wallet.execute(new WalletCommand.ReleaseHold("bet-release:" + bet.id(), hold));
                records.decide(bet.id(), "rejected", refused.get().reason().code(), 0, now);
                records.transition(bet.id(), "pending", "rejected", refused.get().getMessage(), now);
                audit.rejected(bet, refused.get().reason().code(), refused.get().getMessage());
                return;
            }
            if (price.get().compareTo(leg.price()) != 0) {
                records.reprice(bet.id(), leg.position(), price.get(), offer.marketVersion());
                repriced.add(leg.selection() + " " + leg.price() + " -> " + price.get());
            }
            offered.add(offer);
            prices.add(price.get());
        }
        List<BetRecords.Line> lines = records.lines(bet.id());
        List<BetRecords.Line> repricedLines = new ArrayList<>();
        for (BetRecords.Line line : lines) {
            BigDecimal odds = Returns.lineOdds(prices, line.positions());
            records.updateLineOdds(bet.id(), line.lineNo(), odds);
            repricedLines.add(new BetRecords.Line(line.lineNo(), line.positions(), odds, line.stake()));
        }
        long potential = Returns.potential(bet.unitStake(), prices, lines.stream().map(BetRecords.Line::positions).toList());
        WalletOutcome captured = wallet.execute(new WalletCommand.CaptureHold("bet-capture:" + bet.id(), hold, bet.totalStake()));
        if (captured instanceof WalletOutcome.Applied applied) {
            records.stakeTaken(bet.id(), applied.transactionId(), null);
        }
        records.decide(bet.id(), "accepted", null, potential, now);
        records.transition(bet.id(), "pending", "accepted", repriced.isEmpty() ? "accepted after the bet delay"
                : "accepted after the bet delay, re-priced by the player's policy: " + String.join("; ", repriced), now);
        audit.placed(records.find(bet.id()).orElseThrow());
        expose(offered, repricedLines, bet.currency());
        suspendAtLiabilityLimit(offered, bet.currency(), risk.limits(bet.playerId()));
    }

    /** A market whose liability leaves less headroom than a minimum bet is suspended (a hold traders can release). */
    private void suspendAtLiabilityLimit(List<BetOffers.Offer> legs, String currency, RiskBook.Limits limits) {
        suspendWhereHeadroomIsGone(legs, currency, limits, legs.stream()
                .map(leg -> risk.headroom(leg.marketId(), leg.selectionId(), currency, limits.marketLiabilityLimit())).toList());
    }

    private void suspendWhereHeadroomIsGone(List<BetOffers.Offer> legs, String currency, RiskBook.Limits limits,
            List<Long> headrooms) {
        for (int i = 0; i < legs.size(); i++) {
            BetOffers.Offer leg = legs.get(i);
            if (headrooms.get(i) < limits.minStake()) {
                holds.hold(TradingHolds.Level.MARKET, leg.marketId().toString(),
                        "liability limit of " + limits.marketLiabilityLimit() + " " + currency + " reached on " + leg.selectionName(),
                        "risk engine");
            }
        }
    }

    /** The stake of an accepted bet, moved from the player's cash to the stakes held. */
    private static WalletCommand.Transfer stakeTransfer(PlayerView player, Betslip slip, UUID betId) {
        return new WalletCommand.Transfer("bet-stake:" + betId, TransactionKind.STAKE,
                List.of(new Posting(cash(player, slip), -slip.totalStake()), new Posting(stakesHeld(player, slip), slip.totalStake())),
                betId.toString(), "stake of bet " + betId);
    }

    /** The stake of a bet waiting its in-play delay, held on the player's cash until the bet is decided. */
    private static WalletCommand.PlaceHold stakeHold(PlayerView player, Betslip slip, UUID betId) {
        return new WalletCommand.PlaceHold("bet-stake:" + betId, cash(player, slip), slip.totalStake(), stakesHeld(player, slip),
                TransactionKind.STAKE, betId.toString());
    }

    private static AccountRef.Player cash(PlayerView player, Betslip slip) {
        return AccountRef.cash(player.id(), player.brand(), java.util.Currency.getInstance(slip.currency()));
    }

    private static AccountRef.House stakesHeld(PlayerView player, Betslip slip) {
        return AccountRef.house(player.brand(), java.util.Currency.getInstance(slip.currency()), HouseAccountKind.STAKES_HELD);
    }

    /** The stake as taken, or the wallet's refusal as the bet's. */
    private static WalletOutcome.Applied staked(Betslip slip, WalletOutcome outcome) {
        return switch (outcome) {
            case WalletOutcome.Applied applied -> applied;
            case WalletOutcome.Rejected rejected -> throw new BetRefused(
                    rejected.reason() == Rejection.INSUFFICIENT_FUNDS ? BetRejection.INSUFFICIENT_FUNDS : BetRejection.PLAYER_CANNOT_BET,
                    rejected.reason() == Rejection.INSUFFICIENT_FUNDS ? "The balance does not cover the stake of " + slip.totalStake() + "."
                            : "The wallet refused the stake: " + rejected.detail());
        };
    }

    private void expose(List<BetOffers.Offer> legs, List<BetRecords.Line> lines, String currency) {
        for (BetRecords.Line line : lines) {
            long payout = payout(line);
            for (int position : line.positions()) {
                BetOffers.Offer leg = legs.get(position);
                risk.expose(leg.selectionId(), leg.marketId(), currency, line.stake(), payout);
            }
        }
    }

    /**
     * Exposes every leg with what its lines stake and would pay, one statement per leg in the round trip, each
     * answering the leg's headroom as it was before this bet.
     */
    private List<RoundTrip.Answer<Long>> exposeAfterHeadrooms(RoundTrip trip, List<BetOffers.Offer> legs, List<BetRecords.Line> lines,
            String currency, RiskBook.Limits limits) {
        long[] stakes = new long[legs.size()];
        long[] payouts = new long[legs.size()];
        for (BetRecords.Line line : lines) {
            long payout = payout(line);
            for (int position : line.positions()) {
                stakes[position] += line.stake();
                payouts[position] += payout;
            }
        }
        List<RoundTrip.Answer<Long>> headrooms = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            BetOffers.Offer leg = legs.get(i);
            headrooms.add(risk.exposeAfterHeadroom(trip, leg.selectionId(), leg.marketId(), currency, stakes[i], payouts[i],
                    limits.marketLiabilityLimit()));
        }
        return headrooms;
    }

    private static List<BetRecords.Line> lineRows(List<List<Integer>> lines, List<BigDecimal> prices, long unitStake) {
        List<BetRecords.Line> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new BetRecords.Line(i, lines.get(i), Returns.lineOdds(prices, lines.get(i)), unitStake));
        }
        return rows;
    }

    /** Each leg's liability headroom in its market, as the book stands, in one round trip. */
    private List<Long> headrooms(Betslip slip, List<Priced> legs, RiskBook.Limits limits) {
        RoundTrip trip = new RoundTrip(dataSource);
        List<RoundTrip.Answer<Long>> headrooms = legs.stream().map(leg -> risk.headroom(trip, leg.offer().marketId(),
                leg.offer().selectionId(), slip.currency(), limits.marketLiabilityLimit())).toList();
        trip.run();
        return headrooms.stream().map(RoundTrip.Answer::get).toList();
    }

    private static long maxUnitStake(Betslip slip, List<Priced> legs, List<List<Integer>> lines, RiskBook.Limits limits,
            List<Long> headrooms) {
        List<BigDecimal> prices = legs.stream().map(Priced::price).toList();
        List<BigDecimal> lineOdds = lines.stream().map(line -> Returns.lineOdds(prices, line)).toList();
        return StakeLimits.maxUnitStake(lineOdds, limits.maxPayout(), headrooms, lines, limits.stakeFactor());
    }

    /**
     * The headroom each leg has left once this bet is exposed, without asking the book again: exposing a line adds its
     * payout to the leg's selection and its stake to the leg's market, and legs of a bet are in different markets.
     * Exact because the markets stay locked until the transaction ends.
     */
    private static List<Long> headroomsAfter(List<Long> before, List<BetRecords.Line> lines) {
        List<Long> after = new ArrayList<>(before);
        for (BetRecords.Line line : lines) {
            long payout = payout(line);
            for (int position : line.positions()) {
                after.set(position, after.get(position) - payout + line.stake());
            }
        }
        return after;
    }

    private static long payout(BetRecords.Line line) {
        return BigDecimal.valueOf(line.stake()).multiply(line.odds()).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** An in-play bet waits the longest of trading's delays for its sports and the jurisdiction's least delay. */
    private int delay(PlayerView player, List<Priced> legs) {
        if (legs.stream().noneMatch(leg -> leg.offer().inPlay())) {
            return 0;
        }
        int trading = legs.stream().filter(leg -> leg.offer().inPlay()).mapToInt(leg -> risk.delaySeconds(leg.offer().sport()))
                .max().orElse(0);
        return Math.max(trading, (int) Math.min(Integer.MAX_VALUE, gate.minimumInPlayDelay(player).toSeconds()));
    }

    private static BettingGate.Wager wager(Betslip slip, List<Priced> legs) {
        return new BettingGate.Wager(slip.shape().name(), slip.totalStake(), slip.currency(),
                legs.stream().anyMatch(leg -> leg.offer().inPlay()),
                legs.stream().map(leg -> new BettingGate.Leg(leg.offer().eventId(), leg.offer().sport(), leg.offer().marketType(),
                        leg.offer().inPlay())).toList());
    }

    private record Priced(BetOffers.Offer offer, BigDecimal requested, BigDecimal price) {
    }

    /** Every leg checked against the catalog and priced by the policy; a multiple may not take one event twice. */
    private List<Priced> price(Betslip slip, Map<UUID, BetOffers.Offer> current, OddsPolicy policy, Instant now) {
        List<Priced> legs = new ArrayList<>();
        Map<String, Object> moved = new LinkedHashMap<>();
        Set<UUID> events = new HashSet<>();
        for (Betslip.Leg leg : slip.legs()) {
            BetOffers.Offer offer = current.get(leg.selectionId());
            Optional<BetRefused> refused = legRefusal(offer, now, true);
            if (refused.isPresent()) {
                throw refused.get();
            }
            if (slip.shape() != BetShape.SINGLE && !events.add(offer.eventId())) {
                throw new BetRefused(BetRejection.SAME_EVENT_IN_MULTIPLE, "Two selections of " + offer.eventName()
                        + " cannot be combined (bet builder comes later).");
            }
            Optional<BigDecimal> price = policy.take(leg.price(), offer.price());
            if (price.isEmpty()) {
                moved.put(leg.selectionId().toString(), offer.price().toPlainString());
                continue;
            }
            legs.add(new Priced(offer, leg.price(), price.get()));
        }
        if (!moved.isEmpty()) {
            throw new BetRefused(BetRejection.PRICE_CHANGED, "A price moved and the odds-change policy does not accept it.",
                    Map.of("prices", moved));
        }
        return legs;
    }

    private static Optional<BetRefused> legRefusal(BetOffers.Offer offer, Instant now, boolean placing) {
        if (offer == null) {
            return Optional.of(new BetRefused(BetRejection.UNKNOWN_SELECTION, "A selection is not known."));
        }
        if (!offer.selectionActive() || !("scheduled".equals(offer.eventStatus()) || "live".equals(offer.eventStatus()))) {
            return Optional.of(new BetRefused(BetRejection.SELECTION_CLOSED, offer.selectionName() + " is no longer offered."));
        }
        if (!"open".equals(offer.marketStatus())) {
            return Optional.of("suspended".equals(offer.marketStatus())
                    ? new BetRefused(BetRejection.MARKET_SUSPENDED, "The market of " + offer.selectionName() + " is suspended.")
                    : new BetRefused(BetRejection.SELECTION_CLOSED, "The market of " + offer.selectionName() + " is " + offer.marketStatus() + "."));
        }
        if (placing && "scheduled".equals(offer.eventStatus()) && !offer.startsAt().isAfter(now)) {
            return Optional.of(new BetRefused(BetRejection.EVENT_STARTED, offer.eventName() + " has started: pre-match bets are closed."));
        }
        return Optional.empty();
    }

    private Optional<Placed> replay(PlayerView player, String key, String hash) {
        return records.byKey(player.id(), key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw new BetRefused(BetRejection.IDEMPOTENCY_KEY_REUSED,
                        "This idempotency key placed a different bet before.");
            }
            return new Placed(records.find(earlier.id()).orElseThrow(), true);
        });
    }

    private static void refuseIf(Optional<Betslip.Refusal> refusal) {
        refusal.ifPresent(found -> {
            throw new BetRefused(found.reason(), found.detail());
        });
    }

    static String requestHash(Betslip slip) {
        StringBuilder canonical = new StringBuilder(slip.shape().name()).append('|').append(slip.unitStake()).append('|')
                .append(slip.currency()).append('|').append(slip.policy().wire());
        slip.legs().forEach(leg -> canonical.append('|').append(leg.selectionId()).append('@').append(leg.price().toPlainString()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key was claimed by an earlier placement, or a concurrent one that committed first. */
    private static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super(null, null, false, false);
        }
    }
}
