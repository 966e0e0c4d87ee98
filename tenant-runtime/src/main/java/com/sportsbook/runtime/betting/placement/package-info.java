/**
 * Placing bets and keeping their records: the placement transaction, the in-play delay, bet records (read by
 * players, staff and settlement), exposure and limits. Settlement reads and settles bets through
 * {@link com.sportsbook.runtime.betting.placement.BetRecords} and releases exposure through
 * {@link com.sportsbook.runtime.betting.placement.RiskBook}; compliance's regulator reports read the bets of a period
 * and the bets running at a moment through {@code BetRecords} too.
 */
@org.springframework.modulith.NamedInterface("placement")
package com.sportsbook.runtime.betting.placement;
