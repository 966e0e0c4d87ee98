package com.sportsbook.runtime.settlement.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every market type and line kind graded from a result, each case with the return of its single written out
 * (stake 1000 minor units): a win returns stake x price, a push the stake, a half-win stake x (price + 1) / 2, a
 * half-lose half the stake, a loss nothing.
 */
class GradingTableTest {

    @ParameterizedTest(name = "{0} {1} {2} at {3}-{4} (HT {5}-{6}) returns {11}")
    @CsvSource(nullValues = "-", value = {
            // type, line, selection, home, away, ht home, ht away, corners, cards, price, stake, return
            "1x2, -, home, 2, 1, -, -, -, -, 2.00, 1000, 2000",
            "1x2, -, home, 1, 1, -, -, -, -, 2.00, 1000, 0",
            "1x2, -, draw, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "1x2, -, away, 0, 3, -, -, -, -, 2.00, 1000, 2000",
            "1x2, -, away, 2, 0, -, -, -, -, 2.00, 1000, 0",
            "1x2, -, draw, 0, 0, -, -, -, -, 3.40, 1000, 3400",
            "match_winner, -, home, 2, 1, -, -, -, -, 2.00, 1000, 2000",
            "match_winner, -, away, 2, 1, -, -, -, -, 2.00, 1000, 0",
            "match_winner, -, home, 100, 100, -, -, -, -, 2.00, 1000, 1000",
            "double_chance, -, home_draw, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "double_chance, -, home_draw, 0, 1, -, -, -, -, 2.00, 1000, 0",
            "double_chance, -, draw_away, 0, 1, -, -, -, -, 2.00, 1000, 2000",
            "double_chance, -, home_away, 1, 1, -, -, -, -, 2.00, 1000, 0",
            "double_chance, -, home_away, 3, 2, -, -, -, -, 1.30, 1000, 1300",
            "btts, -, yes, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "btts, -, yes, 2, 0, -, -, -, -, 2.00, 1000, 0",
            "btts, -, no, 2, 0, -, -, -, -, 2.00, 1000, 2000",
            "btts, -, no, 0, 0, -, -, -, -, 2.00, 1000, 2000",
            "btts, -, no, 1, 2, -, -, -, -, 2.00, 1000, 0",
            "correct_score, -, 2-1, 2, 1, -, -, -, -, 9.00, 1000, 9000",
            "correct_score, -, 2-1, 1, 2, -, -, -, -, 9.00, 1000, 0",
            "correct_score, -, 0-0, 0, 0, -, -, -, -, 11.00, 1000, 11000",
            "correct_score, -, other, 4, 1, -, -, -, -, 2.00, 1000, 2000",
            "correct_score, -, other, 3, 3, -, -, -, -, 2.00, 1000, 0",
            "half_time_result, -, home, 1, 1, 1, 0, -, -, 2.00, 1000, 2000",
            "half_time_result, -, draw, 2, 0, 0, 0, -, -, 2.00, 1000, 2000",
            "half_time_result, -, away, 0, 1, 0, 0, -, -, 2.00, 1000, 0",
            "total, 2.5, over, 2, 1, -, -, -, -, 2.00, 1000, 2000",
            "total, 2.5, over, 1, 1, -, -, -, -, 2.00, 1000, 0",
            "total, 2.5, under, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "total, 2.5, under, 3, 0, -, -, -, -, 2.00, 1000, 0",
            "total, 2, over, 1, 1, -, -, -, -, 2.00, 1000, 1000",
            "total, 2, under, 2, 0, -, -, -, -, 2.00, 1000, 1000",
            "total, 3, over, 2, 2, -, -, -, -, 2.00, 1000, 2000",
            "total, 3, under, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "total, 2.25, over, 1, 1, -, -, -, -, 2.00, 1000, 500",
            "total, 2.25, under, 1, 1, -, -, -, -, 2.00, 1000, 1500",
            "total, 2.25, over, 2, 1, -, -, -, -, 2.00, 1000, 2000",
            "total, 2.75, over, 2, 1, -, -, -, -, 2.00, 1000, 1500",
            "total, 2.75, under, 2, 1, -, -, -, -, 2.00, 1000, 500",
            "total, 2.75, under, 1, 0, -, -, -, -, 2.00, 1000, 2000",
            "total, 2.75, over, 3, 1, -, -, -, -, 2.00, 1000, 2000",
            "total, 3.25, over, 2, 1, -, -, -, -, 2.00, 1000, 500",
            "total, 2.75, over, 2, 1, -, -, -, -, 1.90, 1000, 1450",
            "asian_handicap, -0.5, home, 1, 0, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, -0.5, home, 1, 1, -, -, -, -, 2.00, 1000, 0",
            "asian_handicap, -0.5, away, 1, 1, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, 0, home, 1, 1, -, -, -, -, 2.00, 1000, 1000",
            "asian_handicap, 0, away, 0, 1, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, -1, home, 2, 1, -, -, -, -, 2.00, 1000, 1000",
            "asian_handicap, -1, home, 3, 1, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, -1, away, 2, 1, -, -, -, -, 2.00, 1000, 1000",
            "asian_handicap, 1, away, 0, 1, -, -, -, -, 2.00, 1000, 1000",
            "asian_handicap, -0.25, home, 1, 1, -, -, -, -, 2.00, 1000, 500",
            "asian_handicap, -0.25, away, 1, 1, -, -, -, -, 2.00, 1000, 1500",
            "asian_handicap, -0.25, home, 2, 1, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, -0.75, home, 1, 0, -, -, -, -, 2.00, 1000, 1500",
            "asian_handicap, -0.75, away, 1, 0, -, -, -, -, 2.00, 1000, 500",
            "asian_handicap, -0.75, home, 2, 0, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, 0.25, home, 0, 1, -, -, -, -, 2.00, 1000, 0",
            "asian_handicap, 0.25, home, 1, 1, -, -, -, -, 2.00, 1000, 1500",
            "asian_handicap, 0.75, home, 0, 1, -, -, -, -, 2.00, 1000, 500",
            "asian_handicap, -1.25, home, 2, 1, -, -, -, -, 2.00, 1000, 500",
            "asian_handicap, -1.5, home, 2, 0, -, -, -, -, 2.00, 1000, 2000",
            "asian_handicap, -0.25, home, 1, 1, -, -, -, -, 1.95, 1000, 500",
            "total_corners, 9.5, over, 1, 0, -, -, 10, -, 2.00, 1000, 2000",
            "total_cards, 4.5, under, 1, 0, -, -, -, 5, 2.00, 1000, 0"})
    void eachSelectionResolvesToItsReturn(String type, BigDecimal line, String selection, int home, int away, Integer htHome,
            Integer htAway, Integer corners, Integer cards, BigDecimal price, long stake, long expected) {
        Grading.Result result = Grading.Result.score(home, away, htHome, htAway).with(corners, cards, null);

        Outcome outcome = Grading.grade(type, line, selection, result).orElseThrow();

        assertThat(SettlementReturns.of(stake, List.of(new SettlementReturns.Leg(price, outcome)), List.of(List.of(0))))
                .as(outcome.kind().name()).isEqualTo(expected);
    }

    @Test
    void anOutrightWonByTwoTiedForOnePlacePaysADeadHeatAndTheRestLose() {
        Grading.Result tied = Grading.Result.outright(List.of("Arsenal", "Liverpool"), 1);
        Grading.Result clear = Grading.Result.outright(List.of("Arsenal"), 1);

        assertThat(returnOf("Arsenal", "5.00", tied)).as("half the stake at 5.00").isEqualTo(2500);
        assertThat(returnOf("Man City", "3.50", tied)).isZero();
        assertThat(returnOf("Arsenal", "5.00", clear)).isEqualTo(5000);
    }

    @Test
    void aGoalscorerWinsWhenHeScoredAndCannotBeGradedWithoutTheScorers() {
        Grading.Result scored = Grading.Result.score(2, 0, 1, 0).with(null, null, Set.of("Bukayo Saka"));

        assertThat(Grading.grade("anytime_goalscorer", null, "Bukayo Saka", scored).orElseThrow()).isEqualTo(Outcome.WIN);
        assertThat(Grading.grade("anytime_goalscorer", null, "Cole Palmer", scored).orElseThrow()).isEqualTo(Outcome.LOSE);
        assertThat(Grading.grade("anytime_goalscorer", null, "Cole Palmer", Grading.Result.score(2, 0, 1, 0))).isEmpty();
        assertThat(Grading.grade("total_corners", new BigDecimal("9.5"), "over", Grading.Result.score(2, 0, 1, 0))).isEmpty();
    }

    private static long returnOf(String selection, String price, Grading.Result result) {
        Outcome outcome = Grading.grade("outright", null, selection, result).orElseThrow();
        return SettlementReturns.of(1000, List.of(new SettlementReturns.Leg(new BigDecimal(price), outcome)), List.of(List.of(0)));
    }
}
