package com.sportsbook.runtime.compliance.kyc.core;

import java.util.Locale;
import java.util.Optional;

/** Where a player's identity verification stands (DOMAIN.md, "Identity, KYC and AML"). */
public enum KycState {
    /** Nothing asked of the player yet. */
    NOT_STARTED,
    /** Documents requested: the player uploads them and submits. */
    PENDING,
    /** Submitted: the provider, and where it asks for one an officer, are checking. */
    IN_REVIEW,
    /** Identity verified until the case's expiry. */
    VERIFIED,
    /** Refused with a reason; the player may resubmit. */
    REJECTED,
    /** Verified once, but past its expiry: verification is needed again. */
    EXPIRED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<KycState> fromWire(String wire) {
        for (KycState state : values()) {
            if (state.wire().equals(wire)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
