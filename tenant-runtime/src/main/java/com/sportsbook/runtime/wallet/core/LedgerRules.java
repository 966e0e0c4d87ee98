package com.sportsbook.runtime.wallet.core;

import com.sportsbook.commons.money.MoneyAmounts;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ledger's rules, free of any framework: what makes a command well-formed, when a player account may be
 * debited or reserved, and how much of a forced debit becomes debt and of a credit repays it. The engine applies them to account states it has locked, so a check and the write it
 * allows cannot be separated by another command.
 */
public final class LedgerRules {

    private LedgerRules() {
    }

    /** A player account as locked for a command: its balance, what pending holds reserve of it, and its debt. */
    public record AccountState(long balance, long held, long debt) {
        public long available() {
            return balance - held;
        }
    }

    public static Optional<WalletOutcome.Rejected> wellFormed(WalletCommand.Transfer transfer) {
        if (transfer.kind() == null) {
            return reject(Rejection.INVALID_POSTINGS, "a transaction needs a kind");
        }
        if (transfer.kind() == TransactionKind.DEBT_REPAYMENT) {
            return reject(Rejection.INVALID_POSTINGS, "debt repayments are written by the ledger alone");
        }
        if (transfer.postings().size() < 2) {
            return reject(Rejection.INVALID_POSTINGS, "a transaction needs two or more postings");
        }
        Set<AccountRef> seen = new HashSet<>();
        Map<Currency, Long> sums = new HashMap<>();
        for (Posting posting : transfer.postings()) {
            if (posting.account() == null) {
                return reject(Rejection.INVALID_POSTINGS, "every posting names an account");
            }
            if (movesDebt(posting.account())) {
                return reject(Rejection.INVALID_POSTINGS, "player debt is moved by the ledger alone");
            }
            if (!seen.add(posting.account())) {
                return reject(Rejection.INVALID_POSTINGS, "an account appears twice in one transaction");
            }
            Optional<WalletOutcome.Rejected> amount = amount(Math.abs(posting.amount()), posting.account().currency(), true);
            if (amount.isPresent()) {
                return amount;
            }
            sums.merge(posting.account().currency(), posting.amount(), Math::addExact);
        }
        for (Map.Entry<Currency, Long> sum : sums.entrySet()) {
            if (sum.getValue() != 0) {
                return reject(Rejection.UNBALANCED, "the " + sum.getKey() + " postings sum to " + sum.getValue() + ", not zero");
            }
        }
        return Optional.empty();
    }

    public static Optional<WalletOutcome.Rejected> wellFormed(WalletCommand.PlaceHold hold) {
        if (hold.account() == null || hold.counterAccount() == null || hold.captureKind() == null) {
            return reject(Rejection.INVALID_POSTINGS, "a hold names its account, the account it goes to and its kind");
        }
        if (movesDebt(hold.counterAccount()) || hold.captureKind() == TransactionKind.DEBT_REPAYMENT) {
            return reject(Rejection.INVALID_POSTINGS, "player debt is moved by the ledger alone");
        }
        if (hold.account().equals(hold.counterAccount())) {
            return reject(Rejection.INVALID_POSTINGS, "a hold cannot go to the account it reserves");
        }
        if (!hold.account().currency().equals(hold.counterAccount().currency())) {
            return reject(Rejection.INVALID_POSTINGS, "a hold goes to an account of the same currency");
        }
        return amount(hold.amount(), hold.account().currency(), false);
    }

    /** A capture takes a positive amount up to what the hold reserves. */
    public static Optional<WalletOutcome.Rejected> capturable(long captureAmount, long holdAmount) {
        if (captureAmount <= 0) {
            return reject(Rejection.INVALID_AMOUNT, "a capture takes a positive amount");
        }
        if (captureAmount > holdAmount) {
            return reject(Rejection.INVALID_AMOUNT, "a capture cannot take more than the " + holdAmount + " held");
        }
        return Optional.empty();
    }

    /** A player account may fall to what its holds reserve, never below. */
    public static Optional<WalletOutcome.Rejected> canPost(AccountState state, long delta) {
        long after;
        try {
            after = Math.addExact(state.balance(), delta);
        } catch (ArithmeticException overflow) {
            return reject(Rejection.INVALID_AMOUNT, "the amount is out of range");
        }
        if (delta < 0 && after - state.held() < 0) {
            return reject(Rejection.INSUFFICIENT_FUNDS, "the account has " + state.available() + " available, "
                    + Math.negateExact(delta) + " is needed");
        }
        return Optional.empty();
    }

    /**
     * Whether the account is the one that mirrors player debt: its postings must match the debt movements, so no
     * caller may post to it, and no transaction that posted to it may be reversed.
     */
    public static boolean movesDebt(AccountRef account) {
        return account instanceof AccountRef.House house && house.kind() == HouseAccountKind.PLAYER_DEBT;
    }

    /**
     * The part of a forced debit ({@code delta} below zero) the account cannot give from what it has available; what
     * holds reserve is never taken. Zero for a credit or a debit the account covers.
     */
    public static long shortfall(AccountState state, long delta) {
        if (delta >= 0) {
            return 0;
        }
        return Math.max(0, Math.negateExact(delta) - Math.max(0, state.available()));
    }

    /** What a credit to an indebted account repays first: all of the credit, up to the whole debt. */
    public static long repayment(long credit, long debt) {
        if (credit <= 0 || debt <= 0) {
            return 0;
        }
        return Math.min(credit, debt);
    }

    public static Optional<WalletOutcome.Rejected> canHold(AccountState state, long amount) {
        if (state.available() < amount) {
            return reject(Rejection.INSUFFICIENT_FUNDS, "the account has " + state.available() + " available, "
                    + amount + " is needed");
        }
        return Optional.empty();
    }

    private static Optional<WalletOutcome.Rejected> amount(long minor, Currency currency, boolean signed) {
        if (minor <= 0 && !signed) {
            return reject(Rejection.INVALID_AMOUNT, "the amount must be positive");
        }
        if (minor == 0) {
            return reject(Rejection.INVALID_AMOUNT, "a posting of zero moves nothing");
        }
        if (minor > MoneyAmounts.maxMinor(currency) || minor < 0) {
            return reject(Rejection.INVALID_AMOUNT, "the amount is larger than any single transaction may be");
        }
        return Optional.empty();
    }

    private static Optional<WalletOutcome.Rejected> reject(Rejection reason, String detail) {
        return Optional.of(new WalletOutcome.Rejected(reason, detail, false));
    }
}
