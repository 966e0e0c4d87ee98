package com.sportsbook.runtime.wallet;

/**
 * An account's balance in minor units: {@code held} of it is reserved by pending holds, {@code available} is what
 * can be spent or withdrawn now.
 */
public record Balance(AccountRef account, long balance, long held) {

    public long available() {
        return balance - held;
    }
}
