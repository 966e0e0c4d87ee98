package com.sportsbook.runtime.wallet;

/**
 * An account's balance in minor units: {@code held} of it is reserved by pending holds, {@code available} is what
 * can be spent or withdrawn now, and {@code debt} is what the player owes the operator on this account (left by a
 * reversal the balance could not cover, see {@link WalletCommand.ReverseAllowingDebt}); always 0 for house accounts.
 */
public record Balance(AccountRef account, long balance, long held, long debt) {

    public long available() {
        return balance - held;
    }
}
