package com.sportsbook.runtime.wallet.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.wallet.core.LedgerRules.AccountState;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** How a forced debit splits into what the player gives and what the player owes, and what a credit repays. */
class PlayerDebtRulesPropertyTest {

    @Property
    void aForcedDebitTakesAtMostWhatIsAvailableAndTheRestIsOwed(@ForAll @LongRange(min = 0, max = 1_000_000) long held,
            @ForAll @LongRange(min = 0, max = 1_000_000) long available, @ForAll @LongRange(min = 1, max = 3_000_000) long debit) {
        AccountState state = new AccountState(held + available, held, 0);

        long owed = LedgerRules.shortfall(state, -debit);
        long taken = debit - owed;

        assertThat(owed).isNotNegative();
        assertThat(taken).isBetween(0L, available);
        assertThat(owed == 0 || taken == available).as("debt only once everything available is taken").isTrue();
        assertThat(LedgerRules.canPost(state, -taken)).isEmpty();
    }

    @Property
    void aCreditNeverCreatesDebt(@ForAll @LongRange(min = 0, max = 1_000_000) long balance,
            @ForAll @LongRange(min = 0, max = 1_000_000) long credit) {
        assertThat(LedgerRules.shortfall(new AccountState(balance, 0, 0), credit)).isZero();
    }

    @Property
    void aCreditRepaysAllOfItselfUpToTheWholeDebt(@ForAll @LongRange(min = 1, max = 1_000_000) long credit,
            @ForAll @LongRange(min = 0, max = 1_000_000) long debt) {
        long repaid = LedgerRules.repayment(credit, debt);

        assertThat(repaid).isBetween(0L, Math.min(credit, debt));
        assertThat(repaid == credit || repaid == debt).as("the credit or the debt is used up").isTrue();
    }
}
