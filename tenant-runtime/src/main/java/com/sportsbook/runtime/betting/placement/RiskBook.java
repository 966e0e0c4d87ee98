package com.sportsbook.runtime.betting.placement;

import com.sportsbook.commons.sql.RoundTrip;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bound tenant's betting limits, bet delays, player stake factors and exposure. Liability of a market, should
 * selection s win, is what the book pays on s less every stake it holds on the market.
 */
public final class RiskBook {

    /** The tenant's limits, and the stake factor of the player they are read for. */
    public record Limits(long minStake, long maxPayout, long marketLiabilityLimit, BigDecimal stakeFactor) {
    }

    private final JdbcClient jdbc;

    public RiskBook(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Limits limits(UUID player) {
        return jdbc.sql(LIMITS).param(player).query(RiskBook::readLimits);
    }

    /** {@link #limits} as a part of a round trip. */
    public RoundTrip.Answer<Limits> limits(RoundTrip trip, UUID player) {
        return trip.query(LIMITS, List.of(player), RiskBook::readLimits);
    }

    /**
     * The factor (numeric(5, 2)) in hundredths: every column of fixed size, so the driver need not send this
     * statement alone in a round trip when it is one part of several (it does for a row of unbounded size).
     */
    private static final String LIMITS = """
            SELECT min_stake, max_payout, market_liability_limit,
              (coalesce((SELECT factor FROM player_stake_factor WHERE player_id = ?), 1) * 100)::bigint AS factor_hundredths
            FROM betting_limits WHERE id = 1""";

    private static Limits readLimits(java.sql.ResultSet rs) throws java.sql.SQLException {
        if (!rs.next()) {
            throw new IllegalStateException("the tenant has no betting limits row");
        }
        return new Limits(rs.getLong(1), rs.getLong(2), rs.getLong(3), BigDecimal.valueOf(rs.getLong(4), 2));
    }

    public int delaySeconds(String sport) {
        return jdbc.sql("SELECT seconds FROM bet_delay WHERE sport_key IN (?, '*') ORDER BY sport_key = '*' LIMIT 1")
                .param(sport).query(Integer.class).optional().orElse(0);
    }

    /**
     * Serializes bets on the markets given as a text array (their ids) until the transaction ends, so that two bets
     * cannot both take the same liability headroom: one query, locking in market order, so never a deadlock. Placement
     * runs it inside the statement that writes the bet ({@link BetRecords#insert}), so it costs no round trip of its
     * own; the statements after it read what bets on these markets committed before.
     */
    static final String LOCK_MARKETS = """
            SELECT count(pg_advisory_xact_lock(hashtextextended(m, 7))) AS markets
            FROM (SELECT DISTINCT m FROM unnest(?::text[]) AS m ORDER BY m) AS in_order""";

    /** How much more the market may owe should this selection win, in the bet's currency. */
    public long headroom(UUID market, UUID selection, String currency, long limit) {
        return jdbc.sql(HEADROOM).params(headroomParams(market, selection, currency, limit)).query(Long.class).single();
    }

    /** {@link #headroom} as a part of a round trip. */
    public RoundTrip.Answer<Long> headroom(RoundTrip trip, UUID market, UUID selection, String currency, long limit) {
        return trip.query(HEADROOM, headroomParams(market, selection, currency, limit), RiskBook::single);
    }

    private static final String HEADROOM = """
            SELECT ? - (coalesce(max(payouts) FILTER (WHERE selection_id = ?), 0) - coalesce(sum(stakes), 0))
            FROM selection_exposure WHERE market_id = ? AND currency = ?""";

    private static List<Object> headroomParams(UUID market, UUID selection, String currency, long limit) {
        return List.of(limit, selection, market, currency);
    }

    private static long single(java.sql.ResultSet rows) throws java.sql.SQLException {
        if (!rows.next()) {
            throw new IllegalStateException("a headroom query answered no row");
        }
        return rows.getLong(1);
    }

    /**
     * Adds to the selection's exposure, like {@link #expose}, and answers the headroom the market had for it before
     * (what {@link #headroom} would have said): one statement where a bet would need two. The market's other
     * selections are read in the statement's snapshot; this selection's earlier amounts are what it returns less what
     * it added. Exact under {@link #LOCK_MARKETS}.
     */
    public RoundTrip.Answer<Long> exposeAfterHeadroom(RoundTrip trip, UUID selection, UUID market, String currency, long stakes,
            long payouts, long limit) {
        return trip.query(EXPOSE_AFTER_HEADROOM, exposeParams(selection, market, currency, stakes, payouts, limit), RiskBook::single);
    }

    private static final String EXPOSE_AFTER_HEADROOM = """
            INSERT INTO selection_exposure (selection_id, currency, market_id, stakes, payouts) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (selection_id, currency) DO UPDATE SET stakes = selection_exposure.stakes + excluded.stakes,
              payouts = selection_exposure.payouts + excluded.payouts
            RETURNING ? - ((payouts - ?) - (stakes - ?) - (SELECT coalesce(sum(o.stakes), 0) FROM selection_exposure o
              WHERE o.market_id = ? AND o.currency = ? AND o.selection_id <> ?))""";

    private static List<Object> exposeParams(UUID selection, UUID market, String currency, long stakes, long payouts, long limit) {
        return List.of(selection, currency, market, stakes, payouts, limit, payouts, stakes, market, currency, selection);
    }

    public void expose(UUID selection, UUID market, String currency, long stakes, long payouts) {
        jdbc.sql("""
                INSERT INTO selection_exposure (selection_id, currency, market_id, stakes, payouts) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (selection_id, currency) DO UPDATE SET stakes = selection_exposure.stakes + excluded.stakes,
                  payouts = selection_exposure.payouts + excluded.payouts""")
                .params(selection, currency, market, stakes, payouts).update();
    }

    /**
     * Takes a decided bet's lines out of the exposure they added at acceptance (each line's stake, and what it would
     * pay, on every selection of the line); what cash-outs took out is gone already.
     */
    public void release(BetView bet, List<BetRecords.Line> lines) {
        for (BetRecords.Line line : lines) {
            long payout = BigDecimal.valueOf(line.stake()).multiply(line.odds()).setScale(0, java.math.RoundingMode.DOWN)
                    .longValueExact();
            for (int position : line.positions()) {
                BetView.Leg leg = bet.legs().get(position);
                expose(leg.selectionId(), leg.marketId(), bet.currency(), -line.stake(), -payout);
            }
        }
    }

    /** The market's liability per selection (only selections with exposure), for traders. */
    public List<Long> liabilities(UUID market, String currency) {
        return jdbc.sql("""
                SELECT payouts - (SELECT coalesce(sum(stakes), 0) FROM selection_exposure WHERE market_id = ? AND currency = ?)
                FROM selection_exposure WHERE market_id = ? AND currency = ? ORDER BY selection_id""")
                .params(market, currency, market, currency).query(Long.class).list();
    }
}
