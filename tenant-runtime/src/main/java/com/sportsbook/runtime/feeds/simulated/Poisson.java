package com.sportsbook.runtime.feeds.simulated;

/** Poisson counts (goals, corners, cards to come): probabilities of 0..n more, and the chance of at least one. */
final class Poisson {

    private Poisson() {
    }

    /**
     * P(0), P(1), ... P(most) for a Poisson count with the given mean; the last cell also holds the tail (most or
     * more), so the cells sum to one.
     */
    static double[] probabilities(double mean, int most) {
        if (mean < 0 || most < 0) {
            throw new IllegalArgumentException("a Poisson mean and count are not negative");
        }
        double[] p = new double[most + 1];
        p[0] = Math.exp(-mean);
        double sum = p[0];
        for (int k = 1; k <= most; k++) {
            p[k] = p[k - 1] * mean / k;
            sum += p[k];
        }
        p[most] += Math.max(0, 1 - sum);
        return p;
    }

    static double atLeastOne(double mean) {
        return -Math.expm1(-mean);
    }

    /** The waiting time to the next arrival at this rate, from a uniform draw in [0, 1). */
    static double waiting(double rate, double uniform) {
        return -Math.log1p(-uniform) / rate;
    }
}
