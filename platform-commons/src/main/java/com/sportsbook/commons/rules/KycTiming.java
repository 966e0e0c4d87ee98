package com.sportsbook.commons.rules;

import java.util.Locale;

/**
 * When a player's identity must be verified, from the latest to the earliest (declaration order is strictness).
 * Every timing also requires verification before a first withdrawal.
 */
public enum KycTiming {
    /** Before the first withdrawal. */
    BEFORE_WITHDRAWAL,
    /** Before the first withdrawal, and before deposits reach the jurisdiction's cumulative threshold. */
    DEPOSIT_THRESHOLD,
    /** Before any deposit or bet. */
    BEFORE_PLAY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KycTiming fromWire(String wire) {
        for (KycTiming timing : values()) {
            if (timing.wire().equals(wire)) {
                return timing;
            }
        }
        throw new IllegalArgumentException("a KYC timing: before_play, deposit_threshold or before_withdrawal");
    }
}
