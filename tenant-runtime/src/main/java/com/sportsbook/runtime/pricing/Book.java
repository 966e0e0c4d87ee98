package com.sportsbook.runtime.pricing;

import java.math.BigDecimal;
import java.util.List;

/** The prices of one market's selections, in selection order. */
public record Book(List<Odds> prices) {

    public Book {
        if (prices == null || prices.size() < 2) {
            throw new IllegalArgumentException("a book has two or more prices");
        }
        prices = List.copyOf(prices);
    }

    public static Book of(String... decimals) {
        return new Book(java.util.Arrays.stream(decimals).map(Odds::of).toList());
    }

    /** The bookmaker's margin: the implied probabilities' sum less one (0.05 is a 105 % book). */
    public BigDecimal overround() {
        return prices.stream().map(Odds::impliedProbability).reduce(BigDecimal.ZERO, BigDecimal::add).subtract(BigDecimal.ONE);
    }
}
