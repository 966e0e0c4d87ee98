package com.sportsbook.runtime.betting.core;

/**
 * Why a bet is refused: a stable code for clients, the HTTP status of the problem detail, and the reason kept on a
 * bet rejected after its delay.
 */
public enum BetRejection {
    INVALID_BETSLIP("invalid_betslip", 422),
    WRONG_CURRENCY("wrong_currency", 422),
    DUPLICATE_SELECTION("duplicate_selection", 422),
    SAME_EVENT_IN_MULTIPLE("same_event_in_multiple", 422),
    TOO_MANY_SELECTIONS("too_many_selections", 422),
    UNKNOWN_SELECTION("unknown_selection", 422),
    SELECTION_CLOSED("selection_closed", 409),
    MARKET_SUSPENDED("market_suspended", 409),
    EVENT_STARTED("event_started", 409),
    PRICE_CHANGED("price_changed", 409),
    STAKE_BELOW_MINIMUM("stake_below_minimum", 422),
    STAKE_ABOVE_MAXIMUM("limit_exceeded", 422),
    INSUFFICIENT_FUNDS("insufficient_funds", 422),
    PLAYER_CANNOT_BET("player_cannot_bet", 403),
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", 409),
    BET_NOT_FOUND("not_found", 404),
    CASH_OUT_UNAVAILABLE("cash_out_unavailable", 409),
    CASH_OUT_CHANGED("cash_out_changed", 409);

    private final String code;
    private final int status;

    BetRejection(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
