package com.sportsbook.runtime.catalog.web;

import java.math.BigDecimal;

/** The heading of a market on an event page ("Match result", "Total goals 2.5", "Asian handicap -0.25"). */
final class MarketNames {

    private MarketNames() {
    }

    static String name(String type, BigDecimal line, String sport) {
        String plain = line == null ? "" : " " + line.stripTrailingZeros().toPlainString();
        String unit = switch (sport) {
            case "tennis" -> "games";
            case "basketball" -> "points";
            default -> "goals";
        };
        return switch (type) {
            case "1x2" -> "Match result";
            case "match_winner" -> "Winner";
            case "double_chance" -> "Double chance";
            case "asian_handicap" -> "Handicap" + plain;
            case "total" -> "Total " + unit + plain;
            case "btts" -> "Both teams to score";
            case "correct_score" -> "Correct score";
            case "half_time_result" -> "Half-time result";
            case "total_corners" -> "Total corners" + plain;
            case "total_cards" -> "Total cards" + plain;
            case "anytime_goalscorer" -> "Anytime goalscorer";
            case "outright" -> "Outright winner";
            default -> type;
        };
    }
}
