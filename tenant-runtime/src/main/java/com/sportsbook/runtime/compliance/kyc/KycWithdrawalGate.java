package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.payments.WithdrawalGate;
import java.util.UUID;

/** Payments' withdrawal port answered by the case: a withdrawal needs a verified case that has not expired. */
final class KycWithdrawalGate implements WithdrawalGate {

    private final KycStatus status;

    KycWithdrawalGate(KycStatus status) {
        this.status = status;
    }

    @Override
    public boolean kycVerified(UUID playerId) {
        return status.of(playerId).verified();
    }
}
