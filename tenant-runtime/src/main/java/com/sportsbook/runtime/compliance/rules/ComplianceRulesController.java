package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compliance console's rules API on the brand host: the tenant's effective rules per jurisdiction (pack value,
 * source, override, effective value) and the four-eyes rule changes. Compliance officers hold tenant-realm tokens
 * and the control plane accepts only platform tokens, so this relays to the control plane's internal API with the
 * acting officer; the control plane enforces stricter-only and four eyes (ADR 0017).
 */
@RestController
class ComplianceRulesController {

    private static final String BASE = "/api/v1/backoffice/compliance/rules";
    private static final Set<String> STATUSES = Set.of("requested", "approved", "rejected");

    /** The tenant's rules as the control plane has them, and the calling brand's effective rules as this runtime applies them. */
    record RulesView(String tenant, int ruleVersion, Map<String, List<String>> brands,
            List<ControlPlaneRules.JurisdictionDocument> jurisdictions, BrandRules brand) {
    }

    /**
     * @param value the rule's new value in the pack's JSON shape (a number, a list, an object...), stricter than the pack
     */
    record ChangeRequest(String jurisdiction, String rule, Object value, String reason) {
    }

    record Rejection(String reason) {
    }

    private final ControlPlaneRules controlPlane;
    private final EffectiveRules effective;

    ComplianceRulesController(ControlPlaneRules controlPlane, EffectiveRules effective) {
        this.controlPlane = controlPlane;
        this.effective = effective;
    }

    @GetMapping(BASE)
    @Operation(summary = "The tenant's effective rules per jurisdiction (pack value, source, override, effective) and "
            + "this brand's effective rules (the strictest over its jurisdictions)")
    RulesView rules() {
        BoundTenant tenant = TenantContext.require();
        ControlPlaneRules.Document document = controlPlane.fresh(tenant.slug().value());
        return new RulesView(document.tenant(), document.ruleVersion(), document.brands(), document.jurisdictions(),
                effective.forCurrentBrand());
    }

    @GetMapping(BASE + "/changes")
    @Operation(summary = "The tenant's rule change requests, newest first; ?status=requested|approved|rejected")
    ResponseEntity<?> changes(@RequestParam(required = false) String status) {
        if (status != null && !STATUSES.contains(status)) {
            return Problems.invalidField("Unknown status.", "status", "requested, approved or rejected");
        }
        return relay(HttpMethod.GET, "/changes" + (status == null ? "" : "?status=" + status), null);
    }

    @GetMapping(BASE + "/audit")
    @Operation(summary = "The tenant's rule audit trail: pack adoptions, requests, approvals and rejections with actor and time")
    ResponseEntity<?> audit() {
        return relay(HttpMethod.GET, "/audit", null);
    }

    @PostMapping(BASE + "/changes")
    @Operation(summary = "Request a rule change for one jurisdiction: stricter than the pack only (422 "
            + "rule_looser_than_pack otherwise); another officer approves or rejects it")
    ResponseEntity<?> request(@RequestBody ChangeRequest change, JwtAuthenticationToken caller) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jurisdiction", change.jurisdiction());
        body.put("rule", change.rule());
        body.put("value", change.value());
        body.put("reason", change.reason());
        body.put("actor", actor(caller.getToken()));
        return relay(HttpMethod.POST, "/changes", body);
    }

    @PostMapping(BASE + "/changes/{id}/approve")
    @Operation(summary = "Approve another officer's change request (403 four_eyes_required for your own): a new rule version")
    ResponseEntity<?> approve(@PathVariable String id, JwtAuthenticationToken caller) {
        if (!isUuid(id)) {
            return notFound();
        }
        ResponseEntity<?> answer = relay(HttpMethod.POST, "/changes/" + id + "/approve", Map.of("actor", actor(caller.getToken())));
        if (answer.getStatusCode().is2xxSuccessful()) {
            controlPlane.forget(TenantContext.require().slug().value());
        }
        return answer;
    }

    @PostMapping(BASE + "/changes/{id}/reject")
    @Operation(summary = "Reject another officer's change request, with a reason")
    ResponseEntity<?> reject(@PathVariable String id, @RequestBody(required = false) Rejection rejection,
            JwtAuthenticationToken caller) {
        if (!isUuid(id)) {
            return notFound();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actor", actor(caller.getToken()));
        body.put("reason", rejection == null ? null : rejection.reason());
        return relay(HttpMethod.POST, "/changes/" + id + "/reject", body);
    }

    /** The officer as the control plane records them: the account's stable id for four eyes, the name for the trail. */
    private static Map<String, String> actor(Jwt token) {
        return Map.of("id", token.getSubject(), "name", RealmTokens.actor(token));
    }

    private ResponseEntity<?> relay(HttpMethod method, String path, Object body) {
        String tenant = TenantContext.require().slug().value();
        ControlPlaneRules.Relayed answer = controlPlane.relay(method, "/internal/v1/tenants/" + tenant + "/rules" + path, body);
        if (answer.status() >= 500) {
            throw new RulesUnavailable("the control plane answered " + answer.status());
        }
        return ResponseEntity.status(answer.status()).contentType(answer.contentType()).body(answer.body());
    }

    private static ResponseEntity<?> notFound() {
        return Problems.response(HttpStatus.NOT_FOUND, "change_request_not_found", "No such change request.");
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
