package com.sportsbook.runtime.feeds.simulated;

/** The standard normal distribution's cumulative probability, for basketball's points margin and total. */
final class Normal {

    private Normal() {
    }

    /** P(Z <= z) for a standard normal Z, to about 1e-7 (Abramowitz and Stegun 7.1.26). */
    static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t
                * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
