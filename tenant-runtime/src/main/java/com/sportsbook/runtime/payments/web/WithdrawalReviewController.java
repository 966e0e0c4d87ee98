package com.sportsbook.runtime.payments.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.payments.flow.Payment;
import com.sportsbook.runtime.payments.flow.Withdrawals;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

/** Finance's withdrawal queue: what waits for a decision, and approve or reject (maker-checker above the threshold). */
@RestController
class WithdrawalReviewController {

    private final Withdrawals withdrawals;
    private final TenantDirectory directory;

    WithdrawalReviewController(Withdrawals withdrawals, TenantDirectory directory) {
        this.withdrawals = withdrawals;
        this.directory = directory;
    }

    record Queued(UUID id, UUID playerId, String status, long amount, String currency, List<String> reviewReasons) {
    }

    @GetMapping("/api/v1/backoffice/payments/withdrawals")
    @Operation(summary = "Withdrawals waiting for a staff decision, oldest first")
    ResponseEntity<?> queue() {
        List<Queued> items = withdrawals.awaitingDecision(100).stream()
                .map(p -> new Queued(p.id(), p.playerId(), p.status(), p.amount(), p.currency(), withdrawals.reasons(p.id())))
                .toList();
        return ResponseEntity.ok(Map.of("items", items));
    }

    /** @param decision {@code approve} or {@code reject} */
    record DecisionRequest(String decision, String note) {
    }

    @PostMapping("/api/v1/backoffice/payments/withdrawals/{id}/decisions")
    @Operation(summary = "Approve or reject a withdrawal under review; above the threshold two different staff members approve")
    ResponseEntity<?> decide(@PathVariable UUID id, @RequestBody DecisionRequest request, JwtAuthenticationToken token) {
        if (!"approve".equals(request.decision()) && !"reject".equals(request.decision())) {
            return Problems.invalidField("The decision cannot be recorded as sent.", "decision", "must be approve or reject");
        }
        if (request.note() != null && request.note().length() > 300) {
            return Problems.invalidField("The decision cannot be recorded as sent.", "note", "is at most 300 characters");
        }
        Optional<Payment> payment = withdrawals.find(id);
        String host = payment.flatMap(found -> directory.brand(found.brand())).map(BrandRoute::hosts)
                .map(List::getFirst).orElse(null);
        return switch (withdrawals.decide(id, token.getToken().getSubject(), "approve".equals(request.decision()),
                request.note(), host)) {
            case Withdrawals.Decision.Done done -> ResponseEntity.ok(Map.of("id", id, "status", done.payment().status()));
            case Withdrawals.Decision.NotFound notFound -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "There is no such withdrawal.");
            case Withdrawals.Decision.Conflict conflict -> Problems.response(HttpStatus.CONFLICT, conflict.code(),
                    conflict.detail());
        };
    }
}
