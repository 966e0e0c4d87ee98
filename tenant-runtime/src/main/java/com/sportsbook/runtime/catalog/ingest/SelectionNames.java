package com.sportsbook.runtime.catalog.ingest;

import com.sportsbook.runtime.feeds.MarketType;
import java.math.BigDecimal;

/** What a player reads for a selection key: team names for home and away, "Over 2.5", "Arsenal -0.25", "Draw". */
final class SelectionNames {

    private SelectionNames() {
    }

    static String name(MarketType type, String key, BigDecimal line, String home, String away) {
        String homeName = home == null ? "Home" : home;
        String awayName = away == null ? "Away" : away;
        return switch (key) {
            case "home" -> type == MarketType.ASIAN_HANDICAP ? homeName + " " + signed(line) : homeName;
            case "away" -> type == MarketType.ASIAN_HANDICAP ? awayName + " " + signed(line.negate()) : awayName;
            case "draw" -> "Draw";
            case "home_draw" -> homeName + " or draw";
            case "home_away" -> homeName + " or " + awayName;
            case "draw_away" -> "Draw or " + awayName;
            case "over" -> "Over " + line.stripTrailingZeros().toPlainString();
            case "under" -> "Under " + line.stripTrailingZeros().toPlainString();
            case "yes" -> "Yes";
            case "no" -> "No";
            case "other" -> type == MarketType.CORRECT_SCORE ? "Any other score" : "Other";
            default -> key;
        };
    }

    private static String signed(BigDecimal line) {
        String plain = line.stripTrailingZeros().toPlainString();
        return line.signum() > 0 ? "+" + plain : plain;
    }
}
