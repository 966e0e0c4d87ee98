package com.sportsbook.runtime.compliance.rules;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A cap or threshold set in one or more currencies (a brand licensed in Sweden and Denmark has SEK and DKK amounts):
 * at most one amount per ISO 4217 currency, in minor units; the lowest wins where two jurisdictions share a currency.
 * Empty: no cap. An amount in another currency than the one being checked needs converting by the caller; none is
 * guessed here.
 */
public record Amounts(Map<String, Long> byCurrency) {

    public static final Amounts NONE = new Amounts(Map.of());

    public Amounts {
        byCurrency = Map.copyOf(new TreeMap<>(byCurrency));
    }

    public static Amounts of(OptionalLong minor, String currency) {
        return minor.isPresent() ? new Amounts(Map.of(currency, minor.getAsLong())) : NONE;
    }

    /** The amount in that currency, if one is set in it. */
    public OptionalLong in(String currency) {
        Long minor = byCurrency.get(currency);
        return minor == null ? OptionalLong.empty() : OptionalLong.of(minor);
    }

    public boolean isEmpty() {
        return byCurrency.isEmpty();
    }

    /** Both sets of amounts, the lower where both have one in the same currency. */
    Amounts lowest(Amounts other) {
        Map<String, Long> merged = new TreeMap<>(byCurrency);
        other.byCurrency.forEach((currency, minor) -> merged.merge(currency, minor, Math::min));
        return new Amounts(merged);
    }
}
