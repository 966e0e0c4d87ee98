package com.sportsbook.runtime.payments.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.reconciliation.Reconciliations;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance imports a PSP settlement report (CSV), sees what did not match, and resolves it. */
@RestController
class ReconciliationController {

    private static final int MAX_REPORT_BYTES = 5 * 1024 * 1024;

    private final Reconciliations reconciliations;
    private final PaymentProvider provider;

    ReconciliationController(Reconciliations reconciliations, PaymentProvider provider) {
        this.reconciliations = reconciliations;
        this.provider = provider;
    }

    @PostMapping(path = "/api/v1/backoffice/payments/reconciliations", consumes = "text/csv")
    @Operation(summary = "Import a settlement report (CSV: reference,type,amount,currency,status,settled_at) and match it")
    ResponseEntity<?> importReport(@RequestBody String csv, @RequestParam(required = false) String fileName,
            JwtAuthenticationToken token) {
        if (csv.length() > MAX_REPORT_BYTES) {
            return Problems.response(HttpStatus.CONTENT_TOO_LARGE, "report_too_large", "A report is at most 5 MB; split it.");
        }
        return switch (reconciliations.importReport(provider.name(), fileName, csv, token.getToken().getSubject())) {
            case Reconciliations.Result.Imported imported -> ResponseEntity.status(imported.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Map.of("run", imported.run(), "exceptions", imported.exceptions(), "replayed", imported.replayed()));
            case Reconciliations.Result.Invalid invalid -> Problems.response(Problems.invalid(
                    "The report cannot be read; nothing was imported.",
                    invalid.problems().stream().map(problem -> Map.of("field", "report", "message", problem)).toList()));
        };
    }

    @GetMapping("/api/v1/backoffice/payments/reconciliations/exceptions")
    @Operation(summary = "Open reconciliation exceptions, oldest first")
    ResponseEntity<?> openExceptions() {
        return ResponseEntity.ok(Map.of("items", reconciliations.openExceptions(200)));
    }

    record Resolution(String resolution) {
    }

    @PostMapping("/api/v1/backoffice/payments/reconciliations/exceptions/{id}/resolution")
    @Operation(summary = "Resolve a reconciliation exception, saying what was done")
    ResponseEntity<?> resolve(@PathVariable UUID id, @RequestBody Resolution body, JwtAuthenticationToken token) {
        if (body.resolution() == null || body.resolution().isBlank() || body.resolution().length() > 300) {
            return Problems.invalidField("The resolution cannot be recorded as sent.", "resolution",
                    "is required, up to 300 characters");
        }
        if (!reconciliations.resolve(id, token.getToken().getSubject(), body.resolution().strip())) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no open exception " + id + ".");
        }
        return ResponseEntity.ok(Map.of("id", id, "resolved", true));
    }
}
