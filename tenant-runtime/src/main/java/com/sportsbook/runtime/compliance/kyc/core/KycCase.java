package com.sportsbook.runtime.compliance.kyc.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What the state machine needs of a case.
 *
 * @param required the document categories asked for by the latest request
 * @param requestedAt when they were asked for; only documents uploaded since count towards a submission
 * @param expiresAt until when a verification holds; null unless verified or expired
 */
public record KycCase(KycState state, Set<DocumentCategory> required, Instant requestedAt, Instant expiresAt) {

    public KycCase {
        Objects.requireNonNull(state, "state");
        required = required == null ? Set.of() : Set.copyOf(required);
    }

    public static KycCase notStarted() {
        return new KycCase(KycState.NOT_STARTED, Set.of(), null, null);
    }

    /** Verified now: verified and not past its expiry. */
    public boolean verifiedAt(Instant now) {
        return state == KycState.VERIFIED && expiresAt != null && now.isBefore(expiresAt);
    }
}
