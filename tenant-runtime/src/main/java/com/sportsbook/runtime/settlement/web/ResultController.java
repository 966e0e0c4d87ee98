package com.sportsbook.runtime.settlement.web;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.runtime.settlement.core.Refusal;
import com.sportsbook.runtime.settlement.results.ResultBook;
import com.sportsbook.runtime.settlement.run.SettlementRuns;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Results for traders: enter an event's result (scores, half-time, corners, cards, goalscorers) or a market's
 * winners (outrights, dead heats), approve or reject one entered by someone else (maker-checker above the approval
 * liability), correct a confirmed result (resettlement), see an event's result versions and settlement runs, and
 * run its settlement now.
 */
@RestController
class ResultController {

    private final ResultBook results;
    private final SettlementRuns runs;

    ResultController(ResultBook results, SettlementRuns runs) {
        this.results = results;
        this.runs = runs;
    }

    record Reason(String reason) {
    }

    record EventSettlement(UUID eventId, List<ResultBook.EventResult> results, List<SettlementRuns.Run> runs) {
    }

    @PostMapping("/api/v1/backoffice/settlement/events/{eventId}/results")
    @Operation(summary = "Enter an event's result: 201 confirmed, 202 waiting for a second approver, 200 the same as the confirmed one")
    @Transactional
    ResponseEntity<?> enter(@PathVariable String eventId, @RequestBody(required = false) ResultBook.ManualResult request,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(eventId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_event", "There is no event " + eventId + "."));
        }
        if (request == null) {
            return SettlementResponses.problem(Refusal.invalid("impossible_result", "Send the result: home and away at least."));
        }
        return SettlementResponses.respond(results.enter(id.get(), request, RealmTokens.actor(caller.getToken())),
                entry -> !entry.created() ? HttpStatus.OK
                        : "pending_approval".equals(entry.result().status()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED,
                ResultBook.Entry::result);
    }

    @GetMapping("/api/v1/backoffice/settlement/events/{eventId}")
    @Operation(summary = "An event's result versions (newest first) and settlement runs")
    @Transactional(readOnly = true)
    ResponseEntity<?> event(@PathVariable String eventId) {
        Optional<UUID> id = SettlementResponses.id(eventId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_event", "There is no event " + eventId + "."));
        }
        return ResponseEntity.ok(new EventSettlement(id.get(), results.history(id.get()), runs.runs(id.get())));
    }

    @PostMapping("/api/v1/backoffice/settlement/results/{resultId}/approve")
    @Operation(summary = "Approve a result someone else entered; it is confirmed and its bets settle")
    @Transactional
    ResponseEntity<?> approve(@PathVariable String resultId, JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(resultId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_result", "There is no result " + resultId + "."));
        }
        return SettlementResponses.respond(results.approve(id.get(), RealmTokens.actor(caller.getToken())), r -> HttpStatus.OK);
    }

    @PostMapping("/api/v1/backoffice/settlement/results/{resultId}/reject")
    @Operation(summary = "Reject a result someone else entered, with a reason")
    @Transactional
    ResponseEntity<?> reject(@PathVariable String resultId, @RequestBody(required = false) Reason reason,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(resultId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_result", "There is no result " + resultId + "."));
        }
        return SettlementResponses.respond(results.reject(id.get(), RealmTokens.actor(caller.getToken()),
                reason == null ? null : reason.reason()), r -> HttpStatus.OK);
    }

    @PostMapping("/api/v1/backoffice/settlement/markets/{marketId}/results")
    @Operation(summary = "Enter a market's winners (outrights; more winners than places is a dead heat)")
    @Transactional
    ResponseEntity<?> enterMarket(@PathVariable String marketId, @RequestBody(required = false) ResultBook.ManualMarketResult request,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(marketId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_market", "There is no market " + marketId + "."));
        }
        if (request == null) {
            return SettlementResponses.problem(Refusal.invalid("invalid_result", "Send the winners."));
        }
        return SettlementResponses.respond(results.enterMarket(id.get(), request, RealmTokens.actor(caller.getToken())),
                result -> "pending_approval".equals(result.status()) ? HttpStatus.ACCEPTED : HttpStatus.CREATED);
    }

    @PostMapping("/api/v1/backoffice/settlement/market-results/{resultId}/approve")
    @Operation(summary = "Approve a market result someone else entered")
    @Transactional
    ResponseEntity<?> approveMarket(@PathVariable String resultId, JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(resultId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_result", "There is no market result " + resultId + "."));
        }
        return SettlementResponses.respond(results.approveMarket(id.get(), RealmTokens.actor(caller.getToken())), r -> HttpStatus.OK);
    }

    @PostMapping("/api/v1/backoffice/settlement/events/{eventId}/runs")
    @Operation(summary = "Settle the event's bets now (resumes an unfinished run); answers the finished run")
    ResponseEntity<?> run(@PathVariable String eventId, JwtAuthenticationToken caller) {
        Optional<UUID> id = SettlementResponses.id(eventId);
        if (id.isEmpty()) {
            return SettlementResponses.problem(Refusal.notFound("unknown_event", "There is no event " + eventId + "."));
        }
        return ResponseEntity.ok(runs.settleEvent(id.get(), "run by " + RealmTokens.actor(caller.getToken())));
    }
}
