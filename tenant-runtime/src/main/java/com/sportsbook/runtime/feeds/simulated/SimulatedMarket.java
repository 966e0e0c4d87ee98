package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.feeds.MarketStatus;
import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One market of a simulated event as the feed last told it: its reference ({@code eventRef:type[:line]}), type, line,
 * status and the prices last computed (kept while suspended, so a re-opening can tell whether they moved).
 */
final class SimulatedMarket {

    final String ref;
    final MarketType type;
    final BigDecimal line;
    MarketStatus status = MarketStatus.OPEN;
    Map<String, BigDecimal> prices = Map.of();

    SimulatedMarket(String eventRef, MarketType type, BigDecimal line) {
        this.ref = eventRef + ":" + type.wire() + (line == null ? "" : ":" + line.toPlainString());
        this.type = type;
        this.line = line;
    }

    /** The line as a double, for the probability models (lines are quarters, exact in binary). */
    double lineValue() {
        return line.doubleValue();
    }
}
