package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Screening hits for compliance officers: the queue of open hits (and the decided ones), one hit with what matched
 * and how well, clearing a hit with a reason (the account is unblocked once nothing else holds it), confirming a
 * sanctions hit (the account stays blocked), recording the enhanced due diligence of a PEP hit (approved with the
 * source of funds, or rejected: the account is blocked), and the list versions screened against with this tenant's
 * re-screening runs.
 */
@RestController
class ScreeningController {

    static final int MAX_REASON = 1000;
    static final int MAX_SOURCE_OF_FUNDS = 2000;
    private static final Set<String> STATUSES = Set.of(ScreeningCases.OPEN, ScreeningCases.CLEARED, ScreeningCases.CONFIRMED,
            ScreeningCases.APPROVED, ScreeningCases.REJECTED);
    private static final Set<String> KINDS = Set.of(ScreeningCases.SANCTIONS, ScreeningCases.PEP);

    private final ScreeningCases cases;
    private final ScreeningDecisions decisions;
    private final ScreeningLists lists;
    private final Rescreening rescreening;

    ScreeningController(ScreeningCases cases, ScreeningDecisions decisions, ScreeningLists lists, Rescreening rescreening) {
        this.cases = cases;
        this.decisions = decisions;
        this.lists = lists;
        this.rescreening = rescreening;
    }

    record DecisionRequest(String reason) {
    }

    /**
     * @param decision {@code approve} or {@code reject}
     * @param sourceOfFunds where the PEP's money comes from, as the officer established it (required to approve)
     * @param reason why (required to reject; a note when approving)
     */
    record DueDiligenceRequest(String decision, String sourceOfFunds, String reason) {
    }

    record Decided(ScreeningCases.ScreeningCase hit, boolean accountUnblocked, boolean accountBlocked) {
    }

    record Lists(List<ScreeningLists.ListVersion> versions, double threshold, List<Rescreening.TenantRunRecord> runs) {
    }

    @GetMapping("/api/v1/backoffice/compliance/screening/hits")
    @Operation(summary = "Screening hits, oldest first: status=open (default), cleared, confirmed, approved or rejected;"
            + " kind=sanctions or pep (default both); limit 1-500")
    @Transactional(readOnly = true)
    ResponseEntity<?> hits(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String limit) {
        String wanted = status == null || status.isBlank() ? ScreeningCases.OPEN : status;
        if (!STATUSES.contains(wanted)) {
            return Problems.invalidField("Unknown status.", "status", "open, cleared, confirmed, approved or rejected");
        }
        String wantedKind = kind == null || kind.isBlank() ? null : kind;
        if (wantedKind != null && !KINDS.contains(wantedKind)) {
            return Problems.invalidField("Unknown kind.", "kind", "sanctions or pep");
        }
        int count;
        try {
            count = limit == null || limit.isBlank() ? 100 : Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 500) {
            return Problems.invalidField("The limit is a whole number from 1 to 500.", "limit", "from 1 to 500");
        }
        return ResponseEntity.ok(cases.list(wanted, wantedKind, count));
    }

    @GetMapping("/api/v1/backoffice/compliance/screening/hits/{hitId}")
    @Operation(summary = "One screening hit: the player as screened, the listed entry, the name that matched, scores and decision")
    @Transactional(readOnly = true)
    ResponseEntity<?> hit(@PathVariable String hitId) {
        return id(hitId).flatMap(cases::find).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> unknown(hitId));
    }

    @PostMapping("/api/v1/backoffice/compliance/screening/hits/{hitId}/clearance")
    @Operation(summary = "Clear a hit as a namesake, with a reason; the account is unblocked when no other hit holds it")
    ResponseEntity<?> clear(@PathVariable String hitId, @RequestBody(required = false) DecisionRequest request,
            JwtAuthenticationToken caller) {
        return decide(hitId, request, caller, true);
    }

    @PostMapping("/api/v1/backoffice/compliance/screening/hits/{hitId}/confirmation")
    @Operation(summary = "Confirm a sanctions hit as the listed person, with a reason; the account stays blocked")
    ResponseEntity<?> confirm(@PathVariable String hitId, @RequestBody(required = false) DecisionRequest request,
            JwtAuthenticationToken caller) {
        return decide(hitId, request, caller, false);
    }

    @PostMapping("/api/v1/backoffice/compliance/screening/hits/{hitId}/due-diligence")
    @Operation(summary = "Record the enhanced due diligence of a PEP hit: approve with the source of funds (deposits are"
            + " no longer held for review) or reject with a reason (the account is blocked)")
    ResponseEntity<?> dueDiligence(@PathVariable String hitId, @RequestBody(required = false) DueDiligenceRequest request,
            JwtAuthenticationToken caller) {
        Optional<UUID> id = id(hitId);
        if (id.isEmpty()) {
            return unknown(hitId);
        }
        String decision = request == null || request.decision() == null ? "" : request.decision().strip();
        String sourceOfFunds = request == null || request.sourceOfFunds() == null ? "" : request.sourceOfFunds().strip();
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (!decision.equals("approve") && !decision.equals("reject")) {
            return Problems.invalidField("Say whether the due diligence approves or rejects.", "decision", "approve or reject");
        }
        if (decision.equals("approve") && sourceOfFunds.isEmpty()) {
            return Problems.invalidField("Record the source of funds the due diligence established.", "sourceOfFunds",
                    "required to approve");
        }
        if (sourceOfFunds.length() > MAX_SOURCE_OF_FUNDS) {
            return Problems.invalidField("The source of funds is too long.", "sourceOfFunds",
                    "at most " + MAX_SOURCE_OF_FUNDS + " characters");
        }
        if (decision.equals("reject") && reason.isEmpty()) {
            return Problems.invalidField("Give the reason for the rejection.", "reason", "required to reject");
        }
        if (reason.length() > MAX_REASON) {
            return Problems.invalidField("The reason is too long.", "reason", "at most " + MAX_REASON + " characters");
        }
        String officer = RealmTokens.actor(caller.getToken());
        return answer(hitId, decision.equals("approve")
                ? decisions.approveDueDiligence(id.get(), officer, sourceOfFunds, reason.isEmpty() ? null : reason)
                : decisions.rejectDueDiligence(id.get(), officer, reason));
    }

    @GetMapping("/api/v1/backoffice/compliance/screening/lists")
    @Operation(summary = "The list versions screened against (platform-wide) and this tenant's re-screening runs")
    @Transactional(readOnly = true)
    ResponseEntity<?> lists() {
        return ResponseEntity.ok(new Lists(lists.versions(), lists.current().index().policy().threshold(),
                rescreening.runs(20)));
    }

    private ResponseEntity<?> decide(String hitId, DecisionRequest request, JwtAuthenticationToken caller, boolean clear) {
        Optional<UUID> id = id(hitId);
        if (id.isEmpty()) {
            return unknown(hitId);
        }
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            return Problems.invalidField("Give the reason for the decision.", "reason", "required");
        }
        if (reason.length() > MAX_REASON) {
            return Problems.invalidField("The reason is too long.", "reason", "at most " + MAX_REASON + " characters");
        }
        String officer = RealmTokens.actor(caller.getToken());
        return answer(hitId, clear ? decisions.clear(id.get(), officer, reason) : decisions.confirm(id.get(), officer, reason));
    }

    private static ResponseEntity<?> answer(String hitId, ScreeningDecisions.Decision decision) {
        return switch (decision) {
            case ScreeningDecisions.Decision.Decided decided -> ResponseEntity.ok(new Decided(decided.decided(),
                    decided.accountUnblocked(), decided.accountBlocked()));
            case ScreeningDecisions.Decision.UnknownCase unknownCase -> unknown(hitId);
            case ScreeningDecisions.Decision.AlreadyDecided already -> Problems.response(HttpStatus.CONFLICT, "hit_decided",
                    "This hit was already " + already.current().status() + " by " + already.current().decidedBy() + ".");
            case ScreeningDecisions.Decision.WrongKind wrong -> wrong.current().kind().equals(ScreeningCases.PEP)
                    ? Problems.response(HttpStatus.CONFLICT, "pep_hit_needs_due_diligence", "A PEP hit is not confirmed:"
                            + " record its enhanced due diligence (POST .../due-diligence), or clear it as a namesake.")
                    : Problems.response(HttpStatus.CONFLICT, "not_a_pep_hit", "Due diligence is recorded on PEP hits;"
                            + " a sanctions hit is cleared or confirmed.");
        };
    }

    private static Optional<UUID> id(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<?> unknown(String hitId) {
        return Problems.response(HttpStatus.NOT_FOUND, "unknown_hit", "There is no screening hit " + hitId + ".");
    }
}
