package com.sportsbook.runtime.payments;

import java.util.UUID;

/** Reports every player as KYC-verified until the compliance module (issue 8) provides the real check. */
public final class PermissiveWithdrawalGateUntilComplianceLands implements WithdrawalGate {

    @Override
    public boolean kycVerified(UUID playerId) {
        return true;
    }
}
