package com.sportsbook.runtime.payments.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WithdrawalReviewTest {

    private static WithdrawalReview.Facts facts(boolean kyc, long deposits, long wagered, boolean wageringRequired, long amount) {
        return new WithdrawalReview.Facts(kyc, deposits, wagered, wageringRequired, amount, 100_000);
    }

    @Test
    void aVerifiedPlayerWhoseDepositsWereWageredIsPaidOutWithoutReview() {
        WithdrawalReview.Verdict verdict = WithdrawalReview.of(facts(true, 5_000, 5_000, true, 4_000));

        assertThat(verdict.automatic()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void anUnverifiedPlayerOrUnwageredDepositsNeedOneApproval() {
        assertThat(WithdrawalReview.of(facts(false, 0, 0, false, 1_000)))
                .isEqualTo(new WithdrawalReview.Verdict(1, java.util.List.of("kyc_not_verified")));
        assertThat(WithdrawalReview.of(facts(true, 5_000, 4_999, true, 1_000)).reasons()).containsExactly("deposits_not_wagered");
        assertThat(WithdrawalReview.of(facts(true, 5_000, 0, false, 1_000)).automatic())
                .as("the wagering rule is off for this tenant").isTrue();
    }

    @Test
    void aboveTheThresholdTwoDifferentStaffMembersMustApprove() {
        WithdrawalReview.Verdict verdict = WithdrawalReview.of(facts(false, 0, 0, false, 100_001));

        assertThat(verdict.approvalsNeeded()).isEqualTo(2);
        assertThat(verdict.reasons()).containsExactly("kyc_not_verified", "above_approval_threshold");
        assertThat(WithdrawalReview.of(facts(true, 0, 0, false, 100_000)).automatic()).as("at the threshold").isTrue();
    }
}
