package com.sportsbook.runtime.settlement.web;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.settlement.core.Decision;
import com.sportsbook.runtime.settlement.core.Refusal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Settlement decisions as HTTP answers: a refusal is its problem detail (and rolls the request's transaction back). */
final class SettlementResponses {

    private SettlementResponses() {
    }

    static <T> ResponseEntity<?> respond(Decision<T> decision, Function<T, HttpStatus> status) {
        return respond(decision, status, Function.identity());
    }

    static <T> ResponseEntity<?> respond(Decision<T> decision, Function<T, HttpStatus> status, Function<T, ?> body) {
        return switch (decision) {
            case Decision.Done<T> done -> ResponseEntity.status(status.apply(done.value())).body(body.apply(done.value()));
            case Decision.Refused<T> refused -> problem(refused.refusal());
        };
    }

    static ResponseEntity<?> problem(Refusal refusal) {
        try {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        } catch (NoTransactionException outsideATransaction) {
            // nothing to roll back
        }
        return Problems.response(HttpStatus.valueOf(refusal.status()), refusal.code(), refusal.detail());
    }

    /** A path id that is not a UUID names nothing: the same 404 as an unknown one. */
    static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
