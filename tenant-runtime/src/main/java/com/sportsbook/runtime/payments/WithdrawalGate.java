package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * The compliance port consulted when a withdrawal is reviewed: is the player's identity verified (KYC)? Payments owns
 * the interface; the compliance module implements it. Until then {@code PermissiveWithdrawalGateUntilComplianceLands}
 * reports every player as verified, and says so in its name.
 */
public interface WithdrawalGate {

    boolean kycVerified(UUID playerId);
}
