package com.sportsbook.runtime.settlement.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.feeds.footballdata.SeasonFile;
import com.sportsbook.runtime.feeds.footballdata.SeasonMatch;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every real Premier League season bundled (football-data.co.uk), every match: singles of 1000 on 1X2, total goals
 * 2.5 and the Asian handicap line given (quarter lines included), at the closing prices, graded from the final
 * score, return what an independent calculation from the score says. The independent side counts in quarter goals
 * and splits a quarter line into its two halves by hand.
 */
class RealSeasonsGradingTest {

    private static final long STAKE = 1000;

    @Test
    void everyMatchOfEverySeasonSettlesAsTheFinalScoreSays() {
        int graded = 0;
        int quarterLines = 0;
        for (SeasonFile.Read season : SeasonFile.bundledSeasons()) {
            for (SeasonMatch match : season.matches()) {
                Grading.Result result = Grading.Result.score(match.homeGoals(), match.awayGoals(), match.halfTimeHomeGoals(),
                        match.halfTimeAwayGoals());
                SeasonMatch.ThreeWay prices = match.closing1x2();
                String winner = match.homeGoals() > match.awayGoals() ? "home" : match.homeGoals() < match.awayGoals() ? "away" : "draw";
                for (String selection : List.of("home", "draw", "away")) {
                    BigDecimal price = selection.equals("home") ? prices.home() : selection.equals("draw") ? prices.draw() : prices.away();
                    assertThat(settle("1x2", null, selection, price, result)).as(match.toString())
                            .isEqualTo(selection.equals(winner) ? times(price) : 0);
                }
                if (match.closingTotal25() != null) {
                    boolean over = match.homeGoals() + match.awayGoals() >= 3;
                    assertThat(settle("total", new BigDecimal("2.5"), "over", match.closingTotal25().over(), result))
                            .isEqualTo(over ? times(match.closingTotal25().over()) : 0);
                    assertThat(settle("total", new BigDecimal("2.5"), "under", match.closingTotal25().under(), result))
                            .isEqualTo(over ? 0 : times(match.closingTotal25().under()));
                }
                SeasonMatch.Handicap handicap = match.closingHandicap();
                if (handicap != null) {
                    int quarters = handicap.line().multiply(BigDecimal.valueOf(4)).intValueExact();
                    if (Math.abs(quarters) % 2 == 1) {
                        quarterLines++;
                    }
                    assertThat(settle("asian_handicap", handicap.line(), "home", handicap.home(), result))
                            .as(match + " home " + handicap.line())
                            .isEqualTo(independentHandicap(quarters, match.homeGoals() - match.awayGoals(), handicap.home()));
                    assertThat(settle("asian_handicap", handicap.line(), "away", handicap.away(), result))
                            .as(match + " away " + handicap.line())
                            .isEqualTo(independentHandicap(-quarters, match.awayGoals() - match.homeGoals(), handicap.away()));
                }
                graded++;
            }
        }
        assertThat(graded).as("seven seasons").isEqualTo(6 * 380 + 319);
        assertThat(quarterLines).as("the real books quote quarter lines often").isGreaterThan(500);
    }

    private static long settle(String type, BigDecimal line, String selection, BigDecimal price, Grading.Result result) {
        Outcome outcome = Grading.grade(type, line, selection, result).orElseThrow();
        return SettlementReturns.of(STAKE, List.of(new SettlementReturns.Leg(price, outcome)), List.of(List.of(0)));
    }

    /**
     * A side's handicap in quarter goals against its goal difference: a quarter line is two half stakes on the lines
     * a quarter either side, each winning (stake x price), pushing (stake back) or losing.
     */
    private static long independentHandicap(int quarters, int goalDifference, BigDecimal price) {
        if (Math.abs(quarters) % 2 == 1) {
            return halfStake(quarters - 1, goalDifference, price) + halfStake(quarters + 1, goalDifference, price);
        }
        return BigDecimal.valueOf(wholeOrHalf(quarters, goalDifference, price, STAKE)).setScale(0, RoundingMode.DOWN).longValue();
    }

    private static long halfStake(int quarters, int goalDifference, BigDecimal price) {
        return wholeOrHalf(quarters, goalDifference, price, STAKE / 2);
    }

    private static long wholeOrHalf(int quarters, int goalDifference, BigDecimal price, long stake) {
        int margin = goalDifference * 4 + quarters;
        if (margin > 0) {
            return BigDecimal.valueOf(stake).multiply(price).setScale(0, RoundingMode.DOWN).longValueExact();
        }
        return margin == 0 ? stake : 0;
    }

    private static long times(BigDecimal price) {
        return BigDecimal.valueOf(STAKE).multiply(price).setScale(0, RoundingMode.DOWN).longValueExact();
    }
}
