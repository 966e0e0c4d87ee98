package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * The compliance port checked before a deposit starts: deposit limits and KYC gates. Payments owns this interface;
 * the compliance module implements it. Until then {@code PermissiveDepositGateUntilComplianceLands} allows every
 * deposit, and says so in its name.
 */
public interface DepositGate {

    /**
     * Asked inside the transaction that records the deposit as pending when allowed, with the player's deposit starts
     * taking turns (a transaction-scoped lock per player): what it counts ({@link PendingDeposits} among it) cannot
     * change under it by another deposit of the same player. A refusal commits that transaction with nothing
     * recorded by payments, so what the gate writes in it stays.
     */
    Decision check(UUID playerId, String brand, long amount, String currency);

    sealed interface Decision {
        record Allowed() implements Decision {
        }

        /**
         * @param code   the problem-detail code, such as {@code deposit_limit_exceeded} or {@code kyc_required}
         * @param status 422 when this deposit breaks a limit, 403 when the player may not deposit at all now
         */
        record Refused(String code, String detail, int status) implements Decision {
            public Refused(String code, String detail) {
                this(code, detail, 422);
            }
        }
    }
}
