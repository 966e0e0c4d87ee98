package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * The compliance port checked before a deposit starts: deposit limits and KYC gates. Payments owns this interface;
 * the compliance module implements it. Until then {@code PermissiveDepositGateUntilComplianceLands} allows every
 * deposit, and says so in its name.
 */
public interface DepositGate {

    Decision check(UUID playerId, String brand, long amount, String currency);

    sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** @param code the problem-detail code, such as {@code limit_exceeded} or {@code kyc_required} */
        record Refused(String code, String detail) implements Decision {
        }
    }
}
