package com.sportsbook.runtime.wallet;

/**
 * One leg of a journal transaction: a signed amount in the account's minor units. Positive raises the account's
 * balance (money the operator owes the player, for a player account); negative lowers it. A transaction's postings
 * sum to zero per currency.
 */
public record Posting(AccountRef account, long amount) {
}
