package com.sportsbook.runtime.betting.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.betting.cashout.CashOuts;
import com.sportsbook.runtime.betting.placement.BetRefused;
import com.sportsbook.runtime.features.Feature;
import com.sportsbook.runtime.features.Features;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A player's cash-out: the offer now, full or partial cash-out (Idempotency-Key), and an automatic target. Behind the
 * {@code cash-out} flag: where it is off for the brand, every one of these answers 403 {@code feature_disabled}.
 */
@RestController
class CashOutController {

    private final CashOuts cashOuts;
    private final Players players;
    private final Features features;

    CashOutController(CashOuts cashOuts, Players players, Features features) {
        this.cashOuts = cashOuts;
        this.players = players;
        this.features = features;
    }

    /** The refusal while the brand does not offer cash-out; empty when it does. */
    private Optional<ResponseEntity<?>> cashOutOff() {
        if (features.enabled(Feature.CASH_OUT)) {
            return Optional.empty();
        }
        return Optional.of(Problems.response(HttpStatus.FORBIDDEN, Features.FEATURE_DISABLED,
                "Cash-out is not offered on this brand at the moment."));
    }

    record CashOutRequest(BigDecimal fraction, Long expectedOffer) {
    }

    record TargetRequest(Long target) {
    }

    @GetMapping("/api/v1/bets/{id}/cash-out")
    @Operation(summary = "The cash-out offer for the whole running stake now (unavailable while a leg's market is not open)")
    ResponseEntity<?> quote(@PathVariable String id, JwtAuthenticationToken token) {
        Optional<ResponseEntity<?>> off = cashOutOff();
        if (off.isPresent()) {
            return off.get();
        }
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        Optional<UUID> bet = id(id);
        if (player.isEmpty() || bet.isEmpty()) {
            return notFound();
        }
        return cashOuts.quote(player.get().id(), bet.get()).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(CashOutController::notFound);
    }

    @PostMapping("/api/v1/bets/{id}/cash-out")
    @Operation(summary = "Cash out a fraction (1 for all) of the bet at an offer at least the one seen (Idempotency-Key)")
    ResponseEntity<?> cashOut(@PathVariable String id, @RequestHeader(name = BetController.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody(required = false) CashOutRequest request, JwtAuthenticationToken token) {
        Optional<ResponseEntity<?>> off = cashOutOff();
        if (off.isPresent()) {
            return off.get();
        }
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        Optional<UUID> bet = id(id);
        if (player.isEmpty() || bet.isEmpty()) {
            return notFound();
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            return Problems.invalidField("A cash-out needs an idempotency key; nothing moved.", BetController.IDEMPOTENCY_KEY,
                    "an Idempotency-Key header of 1 to 100 characters");
        }
        if (request == null || request.expectedOffer() == null || request.expectedOffer() < 0) {
            return Problems.invalidField("Say which offer you saw; nothing moved.", "expectedOffer", "the offer in minor units");
        }
        try {
            CashOuts.Done done = cashOuts.cashOut(player.get().id(), bet.get(),
                    request.fraction() == null ? BigDecimal.ONE : request.fraction(), request.expectedOffer(), key, false);
            return ResponseEntity.status(HttpStatus.CREATED).header("Idempotent-Replayed", Boolean.toString(done.replayed())).body(done);
        } catch (BetRefused refused) {
            return BetController.problem(refused);
        }
    }

    @PutMapping("/api/v1/bets/{id}/auto-cash-out")
    @Operation(summary = "Cash the bet out by itself when the offer reaches a target (minor units)")
    ResponseEntity<?> target(@PathVariable String id, @RequestBody(required = false) TargetRequest request, JwtAuthenticationToken token) {
        Optional<ResponseEntity<?>> off = cashOutOff();
        if (off.isPresent()) {
            return off.get();
        }
        if (request == null || request.target() == null || request.target() <= 0) {
            return Problems.invalidField("A target is a positive amount in minor units.", "target", "the offer to cash out at");
        }
        return setTarget(id, request.target(), token);
    }

    @DeleteMapping("/api/v1/bets/{id}/auto-cash-out")
    @Operation(summary = "Stop cashing the bet out by itself")
    ResponseEntity<?> clear(@PathVariable String id, JwtAuthenticationToken token) {
        return setTarget(id, null, token);
    }

    private ResponseEntity<?> setTarget(String id, Long target, JwtAuthenticationToken token) {
        Optional<ResponseEntity<?>> off = cashOutOff();
        if (off.isPresent()) {
            return off.get();
        }
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        Optional<UUID> bet = id(id);
        if (player.isEmpty() || bet.isEmpty() || !cashOuts.target(player.get().id(), bet.get(), target)) {
            return notFound();
        }
        return ResponseEntity.noContent().build();
    }

    private static Optional<UUID> id(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<?> notFound() {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such running bet of yours.");
    }
}
