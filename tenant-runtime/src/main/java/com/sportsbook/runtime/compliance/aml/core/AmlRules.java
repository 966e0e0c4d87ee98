package com.sportsbook.runtime.compliance.aml.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The anti-money-laundering monitoring rules (DOMAIN.md "Identity, KYC and AML"), evaluated when a player's money
 * moves: a large deposit; deposits too frequent (velocity); structuring (several deposits just under the reporting
 * threshold within a window that together reach it); a withdrawal of most of what was deposited recently with little
 * play in between; many payment methods. Each rule is one alert per player, rule and day (a large deposit: per
 * deposit), identified by its fingerprint. Structuring is raised only by a deposit that is itself just under the
 * threshold, and many payment methods only by a deposit with a method new in the window: a later deposit that adds
 * nothing to the finding does not raise it again (on a new day it would otherwise repeat the same deposits as a
 * second alert). Amounts are minor units of one currency. Plain Java.
 */
public final class AmlRules {

    public enum Rule {
        LARGE_DEPOSIT,
        DEPOSIT_VELOCITY,
        STRUCTURING,
        DEPOSIT_THEN_WITHDRAWAL,
        MANY_PAYMENT_METHODS;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Kind {
        DEPOSIT,
        WITHDRAWAL
    }

    /** One movement of the player's money (a deposit credited, a withdrawal requested). */
    public record Movement(String id, Kind kind, long amount, String currency, String paymentMethod, Instant at) {
    }

    /** The tenant's thresholds. */
    public record Thresholds(long largeDeposit, long reportingThreshold, BigDecimal structuringBand, int structuringCount,
            Duration structuringWindow, int velocityCount, Duration velocityWindow, BigDecimal churnWithdrawalShare,
            BigDecimal churnMaxWageredShare, Duration churnWindow, int paymentMethods, Duration paymentMethodsWindow) {
    }

    /** @param fingerprint identifies the alert so the same finding is raised once */
    public record Alert(Rule rule, String fingerprint, long amount, String detail) {
    }

    private AmlRules() {
    }

    /**
     * The alerts {@code trigger} raises, given the player's movements in the same currency up to and including it
     * (any order) and what the player staked since the start of the churn window.
     */
    public static List<Alert> evaluate(Thresholds rules, Movement trigger, List<Movement> history, long stakedInChurnWindow) {
        List<Movement> same = history.stream().filter(m -> m.currency().equals(trigger.currency())
                && !m.at().isAfter(trigger.at())).toList();
        String day = LocalDate.ofInstant(trigger.at(), ZoneOffset.UTC).toString();
        List<Alert> alerts = new ArrayList<>();
        if (trigger.kind() == Kind.DEPOSIT) {
            if (trigger.amount() >= rules.largeDeposit()) {
                alerts.add(new Alert(Rule.LARGE_DEPOSIT, "large_deposit:" + trigger.id(), trigger.amount(),
                        "a deposit of " + trigger.amount() + " " + trigger.currency() + " (threshold " + rules.largeDeposit() + ")"));
            }
            List<Movement> recent = deposits(same, trigger.at(), rules.velocityWindow());
            if (recent.size() >= rules.velocityCount()) {
                alerts.add(new Alert(Rule.DEPOSIT_VELOCITY, "deposit_velocity:" + day, sum(recent), recent.size()
                        + " deposits within " + hours(rules.velocityWindow()) + " h (threshold " + rules.velocityCount() + ")"));
            }
            long floor = new BigDecimal(rules.reportingThreshold()).multiply(rules.structuringBand()).longValue();
            java.util.function.LongPredicate inBand = amount -> amount >= floor && amount < rules.reportingThreshold();
            List<Movement> justUnder = deposits(same, trigger.at(), rules.structuringWindow()).stream()
                    .filter(m -> inBand.test(m.amount())).toList();
            if (inBand.test(trigger.amount()) && justUnder.size() >= rules.structuringCount() && sum(justUnder) >= rules.reportingThreshold()) {
                alerts.add(new Alert(Rule.STRUCTURING, "structuring:" + day, sum(justUnder), justUnder.size()
                        + " deposits between " + floor + " and " + rules.reportingThreshold() + " within "
                        + hours(rules.structuringWindow()) + " h, together " + sum(justUnder)));
            }
            List<Movement> window = deposits(same, trigger.at(), rules.paymentMethodsWindow());
            Set<String> methods = window.stream()
                    .map(Movement::paymentMethod).filter(Objects::nonNull).collect(Collectors.toCollection(java.util.TreeSet::new));
            boolean newMethod = trigger.paymentMethod() != null && window.stream().filter(m -> !m.id().equals(trigger.id()))
                    .noneMatch(m -> trigger.paymentMethod().equals(m.paymentMethod()));
            if (newMethod && methods.size() >= rules.paymentMethods()) {
                alerts.add(new Alert(Rule.MANY_PAYMENT_METHODS, "many_payment_methods:" + day, 0, methods.size()
                        + " payment methods within " + rules.paymentMethodsWindow().toDays() + " days: " + String.join(", ", methods)));
            }
        } else {
            List<Movement> deposited = deposits(same, trigger.at(), rules.churnWindow());
            long deposits = sum(deposited);
            boolean mostOfIt = deposits > 0 && new BigDecimal(trigger.amount())
                    .compareTo(new BigDecimal(deposits).multiply(rules.churnWithdrawalShare())) >= 0;
            boolean littlePlay = new BigDecimal(stakedInChurnWindow)
                    .compareTo(new BigDecimal(deposits).multiply(rules.churnMaxWageredShare())) <= 0;
            if (mostOfIt && littlePlay) {
                alerts.add(new Alert(Rule.DEPOSIT_THEN_WITHDRAWAL, "deposit_then_withdrawal:" + trigger.id(), trigger.amount(),
                        "a withdrawal of " + trigger.amount() + " after deposits of " + deposits + " within "
                        + hours(rules.churnWindow()) + " h with " + stakedInChurnWindow + " staked"));
            }
        }
        return alerts;
    }

    private static List<Movement> deposits(List<Movement> movements, Instant until, Duration window) {
        Instant from = until.minus(window);
        return movements.stream().filter(m -> m.kind() == Kind.DEPOSIT && m.at().isAfter(from) && !m.at().isAfter(until))
                .toList();
    }

    private static long sum(List<Movement> movements) {
        return movements.stream().mapToLong(Movement::amount).sum();
    }

    private static long hours(Duration window) {
        return window.toHours();
    }
}
