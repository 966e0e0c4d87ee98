package com.sportsbook.runtime.payments.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.flow.Deposits;
import com.sportsbook.runtime.payments.flow.Payment;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A player's deposits: started here (202 with the payment to poll), credited when the provider confirms. The
 * Idempotency-Key header makes a retried request return the first one's payment.
 */
@RestController
class DepositController {

    private final Deposits deposits;
    private final Players players;
    private final PlayerMoneyRequests requests;

    DepositController(Deposits deposits, Players players, PlayerMoneyRequests requests) {
        this.deposits = deposits;
        this.players = players;
        this.requests = requests;
    }

    /**
     * @param amount minor units, a whole JSON number
     * @param paymentMethod optional: the instrument chosen (the sandbox PSP pays with it; a real PSP reports its own)
     */
    record DepositRequest(BigDecimal amount, String currency, String paymentMethod) {
    }

    /** @param providerReference the provider's id of the payment, for support and reconciliation */
    record PaymentResource(UUID id, String kind, String status, long amount, String currency, String provider,
            String providerReference, String failureReason, Instant createdAt, Instant updatedAt, String clientSecret,
            Map<String, String> links) {
        static PaymentResource of(Payment payment, String status, String clientSecret) {
            return new PaymentResource(payment.id(), payment.kind(), status, payment.amount(), payment.currency(),
                    payment.provider(), payment.providerReference(), payment.failureReason(), payment.createdAt(),
                    payment.updatedAt(), clientSecret,
                    Map.of("self", "/api/v1/wallet/deposits/" + payment.id()));
        }
    }

    @PostMapping("/api/v1/wallet/deposits")
    @Operation(summary = "Start a deposit (Idempotency-Key header); 202 with the payment, credited on the provider's confirmation")
    ResponseEntity<?> start(@RequestHeader(name = PlayerMoneyRequests.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody DepositRequest request, JwtAuthenticationToken token) {
        PlayerMoneyRequests.Checked checked = requests.check(token, key, request.amount(), request.currency(), "deposit");
        if (checked instanceof PlayerMoneyRequests.Checked.Refused refused) {
            return refused.response();
        }
        PlayerMoneyRequests.Checked.Valid valid = (PlayerMoneyRequests.Checked.Valid) checked;
        Deposits.Result result = deposits.start(new Deposits.Command(valid.player().id(), valid.player().brand(),
                valid.brandHost(), valid.minor(), valid.currency(), key,
                request.paymentMethod() == null || request.paymentMethod().isBlank() || request.paymentMethod().length() > 100
                        ? null : request.paymentMethod()));
        return switch (result) {
            case Deposits.Result.Started started -> ResponseEntity.accepted()
                    .location(URI.create("/api/v1/wallet/deposits/" + started.payment().id()))
                    .header("Idempotent-Replayed", Boolean.toString(started.replayed()))
                    .body(PaymentResource.of(started.payment(), started.payment().initialStatus(), started.clientSecret()));
            case Deposits.Result.Refused refused -> Problems.response(HttpStatus.valueOf(refused.status()), refused.code(),
                    refused.detail());
            case Deposits.Result.KeyReused reused -> Problems.response(HttpStatus.CONFLICT, "idempotency_key_reused",
                    "This Idempotency-Key was used for a different deposit.");
        };
    }

    @GetMapping("/api/v1/wallet/deposits/{id}")
    @Operation(summary = "One of the player's deposits, with its current status")
    ResponseEntity<?> get(@PathVariable UUID id, JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        Optional<Payment> payment = deposits.find(id)
                .filter(found -> player.isPresent() && found.playerId().equals(player.get().id()));
        return payment.<ResponseEntity<?>>map(found -> ResponseEntity.ok(PaymentResource.of(found, found.status(), null)))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no such deposit."));
    }

    @GetMapping("/api/v1/wallet/deposits")
    @Operation(summary = "The player's latest deposits, newest first")
    ResponseEntity<?> list(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        List<PaymentResource> items = player.map(found -> deposits.recent(found.id(), 50).stream()
                .map(payment -> PaymentResource.of(payment, payment.status(), null)).toList()).orElse(List.of());
        return ResponseEntity.ok(Map.of("items", items));
    }
}
