package com.sportsbook.runtime.payments.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * The automatic review of a withdrawal request, free of any framework. A request that passes every rule and stays
 * under the tenant's approval threshold is paid out at once; one that fails a rule waits for one staff approval;
 * one above the threshold needs two different staff members (maker and checker), whatever else holds.
 */
final class WithdrawalReview {

    private WithdrawalReview() {
    }

    /**
     * @param deposits lifetime deposits of the player in the currency
     * @param wagered lifetime stakes of the player in the currency
     * @param wageringRequired whether deposits must be wagered at least once before a withdrawal (tenant setting)
     */
    record Facts(boolean kycVerified, long deposits, long wagered, boolean wageringRequired, long amount,
            long approvalThreshold) {
    }

    record Verdict(int approvalsNeeded, List<String> reasons) {
        boolean automatic() {
            return approvalsNeeded == 0;
        }
    }

    static Verdict of(Facts facts) {
        List<String> reasons = new ArrayList<>();
        if (!facts.kycVerified()) {
            reasons.add("kyc_not_verified");
        }
        if (facts.wageringRequired() && facts.wagered() < facts.deposits()) {
            reasons.add("deposits_not_wagered");
        }
        if (facts.amount() > facts.approvalThreshold()) {
            reasons.add("above_approval_threshold");
            return new Verdict(2, List.copyOf(reasons));
        }
        return new Verdict(reasons.isEmpty() ? 0 : 1, List.copyOf(reasons));
    }
}
