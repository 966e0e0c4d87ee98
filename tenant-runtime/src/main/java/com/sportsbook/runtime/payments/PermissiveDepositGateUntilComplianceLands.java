package com.sportsbook.runtime.payments;

import java.util.UUID;

/**
 * Allows every deposit. It stands in for the compliance module's limits and KYC gates until that module exists
 * (issue 8); it is replaced by declaring another {@link DepositGate} bean.
 */
public final class PermissiveDepositGateUntilComplianceLands implements DepositGate {

    @Override
    public Decision check(UUID playerId, String brand, long amount, String currency) {
        return new Decision.Allowed();
    }
}
