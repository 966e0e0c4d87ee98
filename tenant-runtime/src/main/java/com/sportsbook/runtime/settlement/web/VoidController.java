package com.sportsbook.runtime.settlement.web;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.exports.Csv;
import com.sportsbook.runtime.settlement.core.Refusal;
import com.sportsbook.runtime.settlement.voids.Voids;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Voids for traders and risk managers: void a bet with a reason (maker-checker above the approval amount; a bet
 * whose outcome is known only as an obvious error), approve or reject a void someone else asked for, and the void
 * report (manual voids with actor and approver, and voids by rule such as {@code past_post}) as JSON or CSV.
 */
@RestController
class VoidController {

    private final Voids voids;
    private final Clock clock;

    VoidController(Voids voids, Clock clock) {
        this.voids = voids;
        this.clock = clock;
    }

    record Reason(String reason) {
    }

    record Report(Instant from, Instant to, List<Voids.Reported> voids) {
    }

    @PostMapping("/api/v1/backoffice/settlement/bets/{betId}/void")
    @Operation(summary = "Void a bet with a reason and detail: 201 applied (stake back or resettled), 202 waiting for a second approver")
    @Transactional
    ResponseEntity<?> voidBet(@PathVariable String betId, @RequestBody(required = false) Voids.VoidRequest request,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(betId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_bet", "There is no bet " + betId + "."));
        }
        Voids.VoidRequest asked = request == null ? new Voids.VoidRequest(null, null, false) : request;
        return SettlementResponses.respond(voids.request(id.get(), asked, RealmTokens.actor(caller.getToken())),
                v -> "pending_approval".equals(v.status()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED);
    }

    @GetMapping("/api/v1/backoffice/settlement/voids/pending")
    @Operation(summary = "Voids waiting for a second approver")
    @Transactional(readOnly = true)
    List<Voids.BetVoid> pending() {
        return voids.pending();
    }

    @PostMapping("/api/v1/backoffice/settlement/voids/{voidId}/approve")
    @Operation(summary = "Approve a void someone else asked for; the bet is voided")
    @Transactional
    ResponseEntity<?> approve(@PathVariable String voidId, JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(voidId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_void", "There is no void " + voidId + "."));
        }
        return SettlementResponses.respond(voids.approve(id.get(), RealmTokens.actor(caller.getToken())), v -> HttpStatus.OK);
    }

    @PostMapping("/api/v1/backoffice/settlement/voids/{voidId}/reject")
    @Operation(summary = "Reject a void someone else asked for, with a reason")
    @Transactional
    ResponseEntity<?> reject(@PathVariable String voidId, @RequestBody(required = false) Reason reason,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(voidId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_void", "There is no void " + voidId + "."));
        }
        return SettlementResponses.respond(voids.reject(id.get(), RealmTokens.actor(caller.getToken()),
                reason == null ? null : reason.reason()), v -> HttpStatus.OK);
    }

    @GetMapping("/api/v1/backoffice/settlement/reports/voids")
    @Operation(summary = "Voids in a period (default the last 30 days), manual and by rule, optionally of one reason; JSON or format=csv")
    @Transactional(readOnly = true)
    ResponseEntity<?> report(@RequestParam(required = false) String reason, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false, defaultValue = "json") String format) {
        Instant end;
        Instant start;
        try {
            end = to == null ? clock.instant() : Instant.parse(to);
            start = from == null ? end.minus(Duration.ofDays(30)) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return Problems.invalidField("A period bound is not a time.", from == null ? "to" : "from", "an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z");
        }
        if (!start.isBefore(end)) {
            return Problems.invalidField("The period is empty.", "from", "before to");
        }
        List<Voids.Reported> rows = voids.report(reason, start, end, 10_000);
        if ("csv".equals(format)) {
            return Csv.attachment("voids.csv", csv(rows));
        }
        return ResponseEntity.ok(new Report(start, end, rows));
    }

    private static String csv(List<Voids.Reported> rows) {
        return Csv.write(List.of("bet_id", "leg", "reason", "source", "obvious_error", "actor", "approved_by", "at", "detail"),
                rows.stream().map(row -> java.util.Arrays.<Object>asList(row.betId(), row.legPosition(), row.reason(),
                        row.source(), row.obviousError(), row.actor(), row.approvedBy(), row.at(), row.detail())).toList());
    }
}
