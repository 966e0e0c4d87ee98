package com.sportsbook.runtime.compliance.aml.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.compliance.aml.core.AmlRules.Kind;
import com.sportsbook.runtime.compliance.aml.core.AmlRules.Movement;
import com.sportsbook.runtime.compliance.aml.core.AmlRules.Rule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmlRulesTest {

    private static final AmlRules.Thresholds RULES = new AmlRules.Thresholds(1_000_000, 1_000_000, new BigDecimal("0.8"), 3,
            Duration.ofHours(72), 5, Duration.ofHours(24), new BigDecimal("0.8"), new BigDecimal("0.2"), Duration.ofHours(72), 4,
            Duration.ofDays(30));
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static Movement deposit(String id, long amount, Duration ago, String method) {
        return new Movement(id, Kind.DEPOSIT, amount, "EUR", method, NOW.minus(ago));
    }

    private static List<Rule> rules(Movement trigger, List<Movement> history, long staked) {
        List<Movement> all = new ArrayList<>(history);
        all.add(trigger);
        return AmlRules.evaluate(RULES, trigger, all, staked).stream().map(AmlRules.Alert::rule).toList();
    }

    @Test
    void aDepositAtTheThresholdIsLargeAndOneJustBelowIsNot() {
        assertThat(rules(deposit("a", 1_000_000, Duration.ZERO, "card_1"), List.of(), 0)).containsExactly(Rule.LARGE_DEPOSIT);
        assertThat(rules(deposit("b", 999_999, Duration.ZERO, "card_1"), List.of(), 0)).isEmpty();
    }

    @Test
    void threeDepositsJustUnderTheThresholdWithinTheWindowThatTogetherReachItAreStructuring() {
        List<Movement> before = List.of(deposit("1", 950_000, Duration.ofHours(50), "card_1"),
                deposit("2", 900_000, Duration.ofHours(20), "card_1"));
        assertThat(rules(deposit("3", 850_000, Duration.ZERO, "card_1"), before, 0)).containsExactly(Rule.STRUCTURING);
        // one of them outside the 72 h window: no longer structuring
        List<Movement> spread = List.of(deposit("1", 950_000, Duration.ofHours(80), "card_1"),
                deposit("2", 900_000, Duration.ofHours(20), "card_1"));
        assertThat(rules(deposit("3", 850_000, Duration.ZERO, "card_1"), spread, 0)).isEmpty();
        // small deposits are not "just under" the threshold
        List<Movement> small = List.of(deposit("1", 100_000, Duration.ofHours(5), "card_1"),
                deposit("2", 100_000, Duration.ofHours(4), "card_1"));
        assertThat(rules(deposit("3", 100_000, Duration.ZERO, "card_1"), small, 0)).isEmpty();
    }

    @Test
    void aSmallDepositAfterStructuringOnTheNextDayDoesNotRaiseItAgain() {
        Instant beforeMidnight = Instant.parse("2026-11-26T23:40:00Z");
        List<Movement> pattern = List.of(new Movement("1", Kind.DEPOSIT, 950_000, "EUR", "card_1", beforeMidnight.minusSeconds(1_200)),
                new Movement("2", Kind.DEPOSIT, 900_000, "EUR", "card_1", beforeMidnight.minusSeconds(600)),
                new Movement("3", Kind.DEPOSIT, 850_000, "EUR", "card_1", beforeMidnight));
        Movement small = new Movement("4", Kind.DEPOSIT, 10_000, "EUR", "card_1", beforeMidnight.plusSeconds(1_800));
        Movement anotherJustUnder = new Movement("5", Kind.DEPOSIT, 900_000, "EUR", "card_1", beforeMidnight.plusSeconds(1_800));

        assertThat(rules(pattern.get(2), pattern.subList(0, 2), 0)).containsExactly(Rule.STRUCTURING);
        assertThat(rules(small, pattern, 0)).isEmpty();
        // a new deposit just under the threshold on the new day is a new finding
        assertThat(rules(anotherJustUnder, pattern, 0)).containsExactly(Rule.STRUCTURING);
    }

    @Test
    void theFifthDepositWithinADayTripsVelocityButFourDoNot() {
        List<Movement> four = List.of(deposit("1", 1_000, Duration.ofHours(23), "card_1"), deposit("2", 1_000, Duration.ofHours(10), "card_1"),
                deposit("3", 1_000, Duration.ofHours(5), "card_1"));
        assertThat(rules(deposit("4", 1_000, Duration.ZERO, "card_1"), four, 0)).isEmpty();
        List<Movement> five = new ArrayList<>(four);
        five.add(deposit("4", 1_000, Duration.ofHours(1), "card_1"));
        assertThat(rules(deposit("5", 1_000, Duration.ZERO, "card_1"), five, 0)).containsExactly(Rule.DEPOSIT_VELOCITY);
    }

    @Test
    void fourDifferentPaymentMethodsInThirtyDaysAreMany() {
        List<Movement> three = List.of(deposit("1", 1_000, Duration.ofDays(20), "card_1"), deposit("2", 1_000, Duration.ofDays(10), "card_2"),
                deposit("3", 1_000, Duration.ofDays(5), "wallet_x"));
        assertThat(rules(deposit("4", 1_000, Duration.ZERO, "card_2"), three, 0)).isEmpty();
        assertThat(rules(deposit("4", 1_000, Duration.ZERO, "bank_y"), three, 0)).containsExactly(Rule.MANY_PAYMENT_METHODS);
        // the next deposit, a day later with a method already used, adds nothing: not raised again
        List<Movement> four = new ArrayList<>(three);
        four.add(deposit("4", 1_000, Duration.ofDays(1), "bank_y"));
        assertThat(rules(deposit("5", 1_000, Duration.ZERO, "card_1"), four, 0)).isEmpty();
        assertThat(rules(deposit("5", 1_000, Duration.ZERO, "wallet_z"), four, 0)).containsExactly(Rule.MANY_PAYMENT_METHODS);
    }

    @Test
    void withdrawingMostOfARecentDepositWithLittlePlayIsFlaggedButNotAfterRealPlay() {
        List<Movement> deposited = List.of(deposit("1", 50_000, Duration.ofHours(10), "card_1"));
        Movement withdrawal = new Movement("w", Kind.WITHDRAWAL, 45_000, "EUR", null, NOW);
        assertThat(rules(withdrawal, deposited, 5_000)).containsExactly(Rule.DEPOSIT_THEN_WITHDRAWAL);
        assertThat(rules(withdrawal, deposited, 20_000)).isEmpty();
        assertThat(rules(new Movement("w", Kind.WITHDRAWAL, 20_000, "EUR", null, NOW), deposited, 0)).isEmpty();
    }

    @Test
    void movementsInAnotherCurrencyOrAfterTheTriggerDoNotCount() {
        List<Movement> other = List.of(new Movement("1", Kind.DEPOSIT, 950_000, "GBP", "card_1", NOW.minusSeconds(60)),
                new Movement("2", Kind.DEPOSIT, 950_000, "GBP", "card_1", NOW.minusSeconds(30)),
                deposit("3", 950_000, Duration.ofSeconds(-60), "card_1"));
        assertThat(rules(deposit("4", 950_000, Duration.ZERO, "card_1"), other, 0)).isEmpty();
    }
}
