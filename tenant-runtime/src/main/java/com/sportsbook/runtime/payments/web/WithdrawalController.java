package com.sportsbook.runtime.payments.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.flow.Payment;
import com.sportsbook.runtime.payments.flow.Withdrawals;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A player's withdrawals: requested (money locked at once), followed, and cancelled while they wait. */
@RestController
class WithdrawalController {

    private final Withdrawals withdrawals;
    private final Players players;
    private final PlayerMoneyRequests requests;

    WithdrawalController(Withdrawals withdrawals, Players players, PlayerMoneyRequests requests) {
        this.withdrawals = withdrawals;
        this.players = players;
        this.requests = requests;
    }

    record WithdrawalRequest(BigDecimal amount, String currency) {
    }

    record WithdrawalResource(UUID id, String status, long amount, String currency, String provider,
            String providerReference, String failureReason, List<String> reviewReasons, Instant createdAt,
            Instant updatedAt, Map<String, String> links) {
        static WithdrawalResource of(Payment payment, String status, List<String> reasons) {
            return new WithdrawalResource(payment.id(), status, payment.amount(), payment.currency(), payment.provider(),
                    payment.providerReference(), payment.failureReason(), reasons, payment.createdAt(),
                    payment.updatedAt(), Map.of("self", "/api/v1/wallet/withdrawals/" + payment.id()));
        }
    }

    @PostMapping("/api/v1/wallet/withdrawals")
    @Operation(summary = "Request a withdrawal (Idempotency-Key header): the money is locked at once; 202 with the withdrawal")
    ResponseEntity<?> request(@RequestHeader(name = PlayerMoneyRequests.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody WithdrawalRequest request, JwtAuthenticationToken token) {
        PlayerMoneyRequests.Checked checked = requests.check(token, key, request.amount(), request.currency(), "withdrawal");
        if (checked instanceof PlayerMoneyRequests.Checked.Refused refused) {
            return refused.response();
        }
        PlayerMoneyRequests.Checked.Valid valid = (PlayerMoneyRequests.Checked.Valid) checked;
        Withdrawals.Result result = withdrawals.request(new Withdrawals.Command(valid.player().id(),
                token.getToken().getSubject(), valid.player().brand(), valid.brandHost(), valid.minor(), valid.currency(), key));
        return switch (result) {
            case Withdrawals.Result.Accepted accepted -> ResponseEntity.accepted()
                    .location(URI.create("/api/v1/wallet/withdrawals/" + accepted.payment().id()))
                    .header("Idempotent-Replayed", Boolean.toString(accepted.replayed()))
                    .body(WithdrawalResource.of(accepted.payment(), accepted.payment().status(), accepted.reviewReasons()));
            case Withdrawals.Result.Refused refused -> Problems.response(
                    "idempotency_key_reused".equals(refused.code()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
                    refused.code(), refused.detail());
        };
    }

    @GetMapping("/api/v1/wallet/withdrawals/{id}")
    @Operation(summary = "One of the player's withdrawals, with its current status and review reasons")
    ResponseEntity<?> get(@PathVariable UUID id, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        return withdrawals.find(id).filter(found -> player.isPresent() && found.playerId().equals(player.get().id()))
                .<ResponseEntity<?>>map(found -> ResponseEntity.ok(WithdrawalResource.of(found, found.status(),
                        withdrawals.reasons(found.id()))))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such withdrawal."));
    }

    @DeleteMapping("/api/v1/wallet/withdrawals/{id}")
    @Operation(summary = "Cancel a withdrawal that has not been sent yet; the money returns to cash")
    ResponseEntity<?> cancel(@PathVariable UUID id, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noPlayer();
        }
        return switch (withdrawals.cancel(player.get().id(), id)) {
            case Withdrawals.Decision.Done done -> ResponseEntity.ok(WithdrawalResource.of(done.payment(),
                    done.payment().status(), withdrawals.reasons(id)));
            case Withdrawals.Decision.NotFound notFound -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "There is no such withdrawal.");
            case Withdrawals.Decision.Conflict conflict -> Problems.response(HttpStatus.CONFLICT, conflict.code(),
                    conflict.detail());
        };
    }

    private static ResponseEntity<?> noPlayer() {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This account has no player profile on this brand.");
    }
}
