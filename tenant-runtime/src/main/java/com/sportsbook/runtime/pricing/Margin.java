package com.sportsbook.runtime.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's margin: a method and a target overround (0.05 for a 105 % book). Laid over a source's prices it
 * gives the offered prices: the source's own margin is taken out by the same method, leaving fair probabilities,
 * and the operator's is put on. A market whose selections are not exclusive (anytime goalscorer: several can win)
 * has no book to normalise; there each selection's implied probability is raised by the overround instead.
 */
public record Margin(MarginMethod method, BigDecimal overround) {

    private static final MathContext MC = MathContext.DECIMAL64;

    public Margin {
        if (method == null || overround == null || overround.signum() < 0 || overround.compareTo(new BigDecimal("0.5")) >= 0) {
            throw new IllegalArgumentException("a margin is a method and an overround from 0 to 0.5");
        }
    }

    /** The offered price per selection key, in the order of {@code source}. */
    public Map<String, Odds> offer(Map<String, Odds> source, boolean exclusive) {
        List<String> keys = new ArrayList<>(source.keySet());
        List<Odds> offered;
        if (exclusive && keys.size() >= 2) {
            Book book = new Book(keys.stream().map(source::get).toList());
            offered = method.apply(method.fairProbabilities(book), overround).prices();
        } else {
            offered = keys.stream()
                    .map(key -> Odds.fromProbability(source.get(key).impliedProbability().multiply(BigDecimal.ONE.add(overround), MC)))
                    .toList();
        }
        Map<String, Odds> byKey = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            byKey.put(keys.get(i), offered.get(i));
        }
        return byKey;
    }
}
