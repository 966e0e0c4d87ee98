package com.sportsbook.controlplane.rules;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules API for the tenant runtime (internal token): the effective rules with an ETag, and the four-eyes changes
 * the runtime relays for compliance officers of the tenant's realm, who never hold a platform token. The runtime
 * passes who acted; this side enforces stricter-only and four eyes.
 */
@RestController
class InternalRulesController {

    record ActorRequest(String id, String name) {
        Actor actor() {
            return new Actor(id, name);
        }
    }

    /** {@code value} is the rule's value in the pack's JSON shape. */
    record ChangeRequestBody(String jurisdiction, String rule, Object value, String reason, ActorRequest actor) {
    }

    record DecisionBody(ActorRequest actor, String reason) {
    }

    record ChangeView(UUID id, String jurisdiction, String rule, Object value, String reason, String status,
            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String decisionReason,
            Integer ruleVersion) {
    }

    record AuditView(long id, Instant at, String actor, String action, UUID changeRequest, String jurisdiction,
            String rule, String detail) {
    }

    private static final Set<String> STATUSES = Set.of("requested", "approved", "rejected");

    private final TenantRules rules;
    private final RuleChanges changes;
    private final JsonMapper json;

    InternalRulesController(TenantRules rules, RuleChanges changes, JsonMapper json) {
        this.rules = rules;
        this.changes = changes;
        this.json = json;
    }

    @GetMapping(value = "/internal/v1/tenants/{tenant}/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A tenant's effective jurisdiction rules: per adopted jurisdiction the pack value, its source, "
            + "the tenant's override and the effective value (internal: tenant runtime)")
    ResponseEntity<?> effective(@PathVariable String tenant,
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Optional<TenantRules.EffectiveView> view = rules.effective(tenant);
        if (view.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, RuleChanges.UNKNOWN_TENANT, "No such tenant.");
        }
        byte[] body = json.writeValueAsBytes(view.get());
        String etag = '"' + sha256(body) + '"';
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping("/internal/v1/tenants/{tenant}/rules/changes")
    @Operation(summary = "Request a rule change (stricter than the pack only; a second officer decides)")
    ResponseEntity<?> request(@PathVariable String tenant, @RequestBody ChangeRequestBody body) {
        ActorRequest actor = body.actor() == null ? new ActorRequest(null, null) : body.actor();
        return answer(changes.request(tenant, body.jurisdiction(), body.rule(), body.value(), body.reason(), actor.actor()),
                HttpStatus.CREATED);
    }

    @PostMapping("/internal/v1/tenants/{tenant}/rules/changes/{id}/approve")
    @Operation(summary = "Approve another officer's change request: a new rule version")
    ResponseEntity<?> approve(@PathVariable String tenant, @PathVariable String id, @RequestBody DecisionBody body) {
        Optional<UUID> change = uuid(id);
        if (change.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, RuleChanges.CHANGE_NOT_FOUND, "No such change request.");
        }
        ActorRequest actor = body.actor() == null ? new ActorRequest(null, null) : body.actor();
        return answer(changes.approve(tenant, change.get(), actor.actor()), HttpStatus.OK);
    }

    @PostMapping("/internal/v1/tenants/{tenant}/rules/changes/{id}/reject")
    @Operation(summary = "Reject another officer's change request, with a reason")
    ResponseEntity<?> reject(@PathVariable String tenant, @PathVariable String id, @RequestBody DecisionBody body) {
        Optional<UUID> change = uuid(id);
        if (change.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, RuleChanges.CHANGE_NOT_FOUND, "No such change request.");
        }
        ActorRequest actor = body.actor() == null ? new ActorRequest(null, null) : body.actor();
        return answer(changes.reject(tenant, change.get(), actor.actor(), body.reason()), HttpStatus.OK);
    }

    @GetMapping("/internal/v1/tenants/{tenant}/rules/changes")
    @Operation(summary = "A tenant's rule change requests, newest first; ?status=requested|approved|rejected")
    ResponseEntity<?> requests(@PathVariable String tenant, @RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            return Problems.invalidField("Unknown status.", "status", "requested, approved or rejected");
        }
        return changes.requests(tenant, Optional.ofNullable(status))
                .<ResponseEntity<?>>map(list -> ResponseEntity.ok(list.stream().map(this::view).toList()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, RuleChanges.UNKNOWN_TENANT, "No such tenant."));
    }

    @GetMapping("/internal/v1/tenants/{tenant}/rules/audit")
    @Operation(summary = "A tenant's rule audit trail: adoptions, requests, approvals and rejections with actor and time")
    ResponseEntity<?> audit(@PathVariable String tenant) {
        return changes.auditTrail(tenant)
                .<ResponseEntity<?>>map(list -> ResponseEntity.ok(list.stream().map(entry -> new AuditView(entry.id(), entry.at(),
                        entry.actor(), entry.action(), entry.changeRequest(), entry.jurisdiction(), entry.rule(), entry.detail()))
                        .toList()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, RuleChanges.UNKNOWN_TENANT, "No such tenant."));
    }

    private ResponseEntity<?> answer(RuleChanges.Outcome outcome, HttpStatus success) {
        return switch (outcome) {
            case RuleChanges.Outcome.Done done -> ResponseEntity.status(success).body(view(done.request()));
            case RuleChanges.Outcome.Refused refused -> {
                HttpStatus status = HttpStatus.valueOf(refused.status());
                ProblemDetail problem = refused.field() == null || !refused.code().equals(ErrorCodes.VALIDATION_FAILED)
                        ? Problems.of(status, refused.code(), refused.detail())
                        : Problems.invalid(refused.detail(), List.of(Map.of("field", refused.field(), "message", refused.detail())));
                if (refused.field() != null) {
                    problem.setProperty("field", refused.field());
                }
                refused.properties().forEach(problem::setProperty);
                yield Problems.response(problem);
            }
        };
    }

    private ChangeView view(RuleStore.ChangeRequest request) {
        return new ChangeView(request.id(), request.jurisdiction(), request.rule(),
                json.readValue(request.proposedValueJson(), Object.class), request.reason(), request.status(),
                request.requestedBy(), request.requestedAt(), request.decidedBy(), request.decidedAt(),
                request.decisionReason(), request.ruleVersion());
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
