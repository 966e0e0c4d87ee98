package com.sportsbook.runtime.betting.core;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** What a player accepts when a price moved between the betslip and acceptance. */
public enum OddsPolicy {
    /** Only the price the player saw. */
    NONE,
    /** That price or a better (higher) one. */
    HIGHER,
    /** Whatever the price is now. */
    ANY;

    /** The price the bet takes, or empty when this policy refuses the move. */
    public Optional<BigDecimal> take(BigDecimal requested, BigDecimal current) {
        int compared = current.compareTo(requested);
        if (compared == 0) {
            return Optional.of(current);
        }
        return switch (this) {
            case NONE -> Optional.empty();
            case HIGHER -> compared > 0 ? Optional.of(current) : Optional.empty();
            case ANY -> Optional.of(current);
        };
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OddsPolicy> fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.of(NONE);
        }
        return switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "none", "accept_none" -> Optional.of(NONE);
            case "higher", "accept_higher" -> Optional.of(HIGHER);
            case "any", "accept_any" -> Optional.of(ANY);
            default -> Optional.empty();
        };
    }
}
