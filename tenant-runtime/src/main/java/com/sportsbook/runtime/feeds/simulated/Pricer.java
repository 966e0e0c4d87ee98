package com.sportsbook.runtime.feeds.simulated;

import com.sportsbook.runtime.pricing.Book;
import com.sportsbook.runtime.pricing.MarginMethod;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a model's fair probabilities into the provider's offered prices: the probabilities are kept within
 * [0.005, 0.985] (no selection longer than a 200 shot before the margin, none surer than 98.5 %) and renormalised,
 * then the provider's margin is laid on proportionally ({@link MarginMethod#PROPORTIONAL}): prices are rounded down
 * and never under 1.01. A book's overround is therefore the margin or a hair above it, except when a favourite is so
 * short that its price stops at 1.01: then the book keeps only part of the margin (never less than about 0.6 %, as a
 * nearly decided market does). Also the fair two-way split of an Asian line (whole lines push, quarter lines split the
 * stake).
 */
final class Pricer {

    /** The smallest fair probability offered: a 200 shot before the margin. */
    static final double LEAST = 0.005;
    /** The largest fair probability offered. */
    static final double MOST = 0.985;

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final double EPSILON = 1e-9;

    private final BigDecimal margin;

    Pricer(BigDecimal margin) {
        if (margin.signum() <= 0 || margin.compareTo(new BigDecimal("0.2")) > 0) {
            throw new IllegalArgumentException("a provider's margin is above 0 and at most 0.2, not " + margin);
        }
        this.margin = margin;
    }

    /**
     * The offered prices, in the given order, for selections whose fair probabilities sum to one (they are
     * renormalised first).
     */
    Map<String, BigDecimal> book(Map<String, Double> fair) {
        if (fair.size() < 2) {
            throw new IllegalArgumentException("a book has two or more selections");
        }
        List<String> keys = new ArrayList<>(fair.keySet());
        double[] p = banded(fair.values().stream().mapToDouble(Double::doubleValue).toArray(), LEAST, MOST);
        List<BigDecimal> probabilities = new ArrayList<>(p.length);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < p.length - 1; i++) {
            BigDecimal probability = new BigDecimal(p[i], new MathContext(12));
            probabilities.add(probability);
            sum = sum.add(probability, MC);
        }
        probabilities.add(BigDecimal.ONE.subtract(sum, MC));
        Book book = MarginMethod.PROPORTIONAL.apply(probabilities, margin);
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            prices.put(keys.get(i), book.prices().get(i).decimal());
        }
        return prices;
    }

    /** The offered price of one outcome of fair probability p, priced against its complement. */
    BigDecimal single(double p) {
        double chance = Math.max(0, Math.min(1, p));
        Map<String, Double> twoWay = new LinkedHashMap<>();
        twoWay.put("yes", chance);
        twoWay.put("no", 1 - chance);
        return book(twoWay).get("yes");
    }

    /** The offered prices of a two-way market from its fair probabilities. */
    Map<String, BigDecimal> twoWay(String first, String second, double[] fair) {
        Map<String, Double> book = new LinkedHashMap<>();
        book.put(first, fair[0]);
        book.put(second, fair[1]);
        return book(book);
    }

    /**
     * Probabilities renormalised and kept within [least, most]: a favourite above the top gives its excess to the
     * others in proportion; selections under the floor are raised to it at the expense of those above it, in
     * proportion to what they have above the floor.
     */
    static double[] banded(double[] fair, double least, double most) {
        int n = fair.length;
        double total = 0;
        for (double v : fair) {
            // sums of model probabilities can stray a rounding error below zero; anything more is a mistake
            if (!(v >= -EPSILON) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("a probability is a finite number, not below 0: " + v);
            }
            total += Math.max(0, v);
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("probabilities sum to more than zero");
        }
        if (least * n >= 1) {
            throw new IllegalArgumentException("too many selections for the floor");
        }
        double[] p = new double[n];
        int top = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.max(0, fair[i]) / total;
            if (p[i] > p[top]) {
                top = i;
            }
        }
        if (p[top] > most) {
            // summed, not 1 - p[top]: next to a near-certainty that difference is all rounding error
            double others = 0;
            for (int i = 0; i < n; i++) {
                others += i == top ? 0 : p[i];
            }
            for (int i = 0; i < n; i++) {
                if (i != top) {
                    p[i] = others > 0 ? p[i] * (1 - most) / others : (1 - most) / (n - 1);
                }
            }
            p[top] = most;
        }
        double deficit = 0;
        double available = 0;
        for (double v : p) {
            if (v < least) {
                deficit += least - v;
            } else {
                available += v - least;
            }
        }
        if (deficit > 0) {
            double share = deficit / available;
            for (int i = 0; i < n; i++) {
                p[i] = p[i] < least ? least : p[i] - share * (p[i] - least);
            }
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int i = 0; i < n; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * The fair split of a two-way Asian line on a whole-number quantity q (goals, games, a goal difference) with
     * P(q = offset + k) = distribution[k]. The first side wins a part of the stake when q + sign * part &gt; 0, the
     * stake comes back when it is 0, it loses below; a quarter line is two half stakes on the lines a quarter either
     * side. For a total, sign is -1 and the first side is over; for a home handicap, sign is +1 and q the home goal
     * difference. The fair split is wins over wins plus losses (a push is neither), as a price without margin would
     * be. Null when one side can no longer lose: the market is decided.
     */
    static double[] asian(double[] distribution, int offset, double line, int sign) {
        double[] parts = quarter(line) ? new double[] {line - 0.25, line + 0.25} : new double[] {line};
        double wins = 0;
        double losses = 0;
        for (double part : parts) {
            for (int k = 0; k < distribution.length; k++) {
                if (distribution[k] == 0) {
                    continue;
                }
                double margin = offset + k + sign * part;
                if (margin > EPSILON) {
                    wins += distribution[k] / parts.length;
                } else if (margin < -EPSILON) {
                    losses += distribution[k] / parts.length;
                }
            }
        }
        if (wins <= 0 || losses <= 0) {
            return null;
        }
        return new double[] {wins / (wins + losses), losses / (wins + losses)};
    }

    static boolean quarter(double line) {
        long quarters = Math.round(line * 4);
        return Math.abs(line * 4 - quarters) < EPSILON && quarters % 2 != 0;
    }
}
