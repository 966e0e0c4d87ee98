package com.sportsbook.runtime.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * How a target overround m is laid over fair probabilities p_i (which sum to 1), and how a bookmaker's margin is
 * taken out of its prices to recover fair probabilities, by the same method:
 * <ul>
 *   <li>{@link #PROPORTIONAL}: q_i = p_i (1 + m), price_i = 1 / (p_i (1 + m)); removal divides the implied
 *       probabilities by their sum;</li>
 *   <li>{@link #ADDITIVE}: q_i = p_i + m / n, the same margin on every selection; removal subtracts it;</li>
 *   <li>{@link #POWER}: q_i = p_i^k with k below 1 chosen so the q_i sum to 1 + m (more margin on long shots, as
 *       bookmakers apply it against the favourite-longshot bias); removal finds the k that makes them sum to 1.</li>
 * </ul>
 * Offered prices are rounded down to two decimals and floored at 1.01, so the offered overround is the target or
 * slightly above it.
 */
public enum MarginMethod {
    PROPORTIONAL,
    ADDITIVE,
    POWER;

    private static final MathContext MC = Odds.PRECISION;
    private static final int SEARCH_STEPS = 80;

    /** The offered prices for fair probabilities and a target overround (0.05 for a 105 % book). */
    public Book apply(List<BigDecimal> fair, BigDecimal overround) {
        requireProbabilities(fair);
        if (overround.signum() < 0 || overround.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("an overround is between 0 and 1, not " + overround);
        }
        List<BigDecimal> offered = switch (this) {
            case PROPORTIONAL -> fair.stream().map(p -> p.multiply(BigDecimal.ONE.add(overround), MC)).toList();
            case ADDITIVE -> {
                BigDecimal share = overround.divide(BigDecimal.valueOf(fair.size()), MC);
                yield fair.stream().map(p -> p.add(share, MC)).toList();
            }
            case POWER -> {
                double k = solveExponentForSum(fair, BigDecimal.ONE.add(overround).doubleValue());
                yield fair.stream().map(p -> BigDecimal.valueOf(Math.pow(p.doubleValue(), k))).toList();
            }
        };
        return new Book(offered.stream().map(Odds::fromProbability).toList());
    }

    /** Fair probabilities (summing to 1) recovered from a bookmaker's prices by this method. */
    public List<BigDecimal> fairProbabilities(Book book) {
        List<BigDecimal> implied = book.prices().stream().map(Odds::impliedProbability).toList();
        BigDecimal sum = implied.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return switch (this) {
            case PROPORTIONAL -> implied.stream().map(q -> q.divide(sum, MC)).toList();
            case ADDITIVE -> {
                BigDecimal share = sum.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(implied.size()), MC);
                List<BigDecimal> fair = implied.stream().map(q -> q.subtract(share, MC)).toList();
                // a long shot's implied probability can be smaller than the equal share; fall back to proportional
                yield fair.stream().anyMatch(p -> p.signum() <= 0) ? PROPORTIONAL.fairProbabilities(book) : fair;
            }
            case POWER -> {
                double k = solveExponentForSum(implied, 1.0);
                yield normalise(implied.stream().map(q -> BigDecimal.valueOf(Math.pow(q.doubleValue(), k))).toList());
            }
        };
    }

    /** k such that the sum of v_i^k equals target (k below 1 for a target above 1, values below 1). */
    private static double solveExponentForSum(List<BigDecimal> values, double target) {
        double low = 0.01;
        double high = 10;
        for (int i = 0; i < SEARCH_STEPS; i++) {
            double mid = (low + high) / 2;
            double sum = values.stream().mapToDouble(v -> Math.pow(v.doubleValue(), mid)).sum();
            // for values below 1 the sum falls as the exponent grows
            if (sum > target) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return (low + high) / 2;
    }

    private static List<BigDecimal> normalise(List<BigDecimal> values) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return values.stream().map(v -> v.divide(sum, MC)).toList();
    }

    private static void requireProbabilities(List<BigDecimal> fair) {
        if (fair == null || fair.size() < 2 || fair.stream().anyMatch(p -> p.signum() <= 0 || p.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("fair probabilities are two or more values between 0 and 1");
        }
        BigDecimal sum = fair.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.subtract(BigDecimal.ONE).abs().compareTo(new BigDecimal("0.000001")) > 0) {
            throw new IllegalArgumentException("fair probabilities sum to 1, not " + sum);
        }
    }
}
