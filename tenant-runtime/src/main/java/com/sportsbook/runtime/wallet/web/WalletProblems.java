package com.sportsbook.runtime.wallet.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.wallet.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The wallet's refusals as RFC 9457 problem details, with the ledger's rejection codes. */
final class WalletProblems {

    private WalletProblems() {
    }

    static ResponseEntity<ProblemDetail> rejected(Rejection reason, String detail) {
        HttpStatus status = switch (reason) {
            case IDEMPOTENCY_CONFLICT, HOLD_NOT_PENDING, ALREADY_REVERSED -> HttpStatus.CONFLICT;
            case HOLD_NOT_FOUND, TRANSACTION_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INSUFFICIENT_FUNDS, UNBALANCED, INVALID_AMOUNT, INVALID_POSTINGS -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        return Problems.response(status, reason.code(), detail);
    }

    static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        return Problems.invalidField("The request cannot be carried out as sent; nothing moved.", field, message);
    }

    static ResponseEntity<ProblemDetail> noPlayer() {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This account has no player profile on this brand.");
    }
}
