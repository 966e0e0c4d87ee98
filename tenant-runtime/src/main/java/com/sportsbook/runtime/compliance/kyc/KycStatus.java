package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.kyc.core.KycState;
import java.time.Instant;
import java.util.UUID;

/**
 * The published KYC query of the bound tenant: where a player's verification stands now. The withdrawal gate uses
 * it; the deposit and betting gates combine it with the brand's {@link KycPolicy} (e.g. {@code BEFORE_PLAY}: refuse
 * unless {@code verified()}). Reads in the caller's transaction, or in a read-only one of its own.
 */
public interface KycStatus {

    Standing of(UUID playerId);

    /**
     * @param verified verified and not past its expiry, now
     * @param expiresAt until when a verification holds (null before the first one)
     */
    record Standing(UUID playerId, KycState state, boolean verified, Instant expiresAt) {
    }
}
