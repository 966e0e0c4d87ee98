package com.sportsbook.controlplane.audit;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.audit.core.AuditQuery;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform audit trail for platform staff (admins and support; see docs/permissions.md). */
@RestController
class AuditController {

    private final PlatformAudit audit;

    AuditController(PlatformAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "The platform audit trail, newest first: who, when, what, on which tenant; filtered by tenant,"
            + " action (tenant.suspended, or a family: tenant.*) and period [from, to) (instants or UTC days);"
            + " cursor-paged (limit, cursor = the previous page's nextCursor)")
    ResponseEntity<?> page(@RequestParam(required = false) String tenant, @RequestParam(required = false) String action,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        return switch (AuditQuery.parse(tenant, action, from, to, limit, cursor)) {
            case AuditQuery.Parsed.Valid valid -> ResponseEntity.ok(audit.page(valid.query()));
            case AuditQuery.Parsed.Invalid invalid -> Problems.response(Problems.invalid("The audit cannot be read with"
                    + " these filters.", invalid.errors().stream()
                    .map(error -> Map.of("field", error.field(), "message", error.message())).toList()));
        };
    }
}
