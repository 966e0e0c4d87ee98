package com.sportsbook.runtime.wallet;

/** Why the ledger refused a command. Nothing moved. The codes are the API's problem-detail codes. */
public enum Rejection {
    INSUFFICIENT_FUNDS("insufficient_funds"),
    UNBALANCED("unbalanced_transaction"),
    INVALID_AMOUNT("invalid_amount"),
    INVALID_POSTINGS("invalid_postings"),
    HOLD_NOT_FOUND("hold_not_found"),
    HOLD_NOT_PENDING("hold_not_pending"),
    TRANSACTION_NOT_FOUND("transaction_not_found"),
    ALREADY_REVERSED("already_reversed"),
    IDEMPOTENCY_CONFLICT("idempotency_key_reused");

    private final String code;

    Rejection(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Rejection fromCode(String code) {
        for (Rejection rejection : values()) {
            if (rejection.code.equals(code)) {
                return rejection;
            }
        }
        throw new IllegalArgumentException("unknown rejection " + code);
    }
}
