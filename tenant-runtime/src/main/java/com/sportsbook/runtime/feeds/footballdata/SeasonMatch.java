package com.sportsbook.runtime.feeds.footballdata;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One real match of a season file: when, who, the final and half-time scores, and the prices quoted for it.
 * Prices are decimal odds as published; a book is null when the file has no (valid) prices for it.
 *
 * @param kickOff the kick-off in UTC (the files give UK local time; 15:00 when a season gives no time)
 * @param line the Asian handicap line of the home team (quarter lines included, such as -0.75)
 */
public record SeasonMatch(String season, int row, Instant kickOff, String home, String away, int homeGoals,
        int awayGoals, Integer halfTimeHomeGoals, Integer halfTimeAwayGoals, ThreeWay opening1x2, ThreeWay closing1x2,
        TwoWay openingTotal25, TwoWay closingTotal25, Handicap openingHandicap, Handicap closingHandicap) {

    /** Home, draw and away prices. */
    public record ThreeWay(BigDecimal home, BigDecimal draw, BigDecimal away) {
    }

    /** Over and under 2.5 goals. */
    public record TwoWay(BigDecimal over, BigDecimal under) {
    }

    public record Handicap(BigDecimal line, BigDecimal home, BigDecimal away) {
    }
}
