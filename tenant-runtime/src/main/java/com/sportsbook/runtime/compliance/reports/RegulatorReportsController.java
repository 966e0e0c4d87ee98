package com.sportsbook.runtime.compliance.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.exports.Csv;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regulator exports per licence for compliance officers and tenant admins (ADR 0021): which licences and reports
 * there are, and one report for one licence over whole UTC days {@code from} to {@code to} (both included, at most
 * 366), as JSON or CSV. A report without rows says {@code No activity}. Every export is written to the audit log with
 * who asked for what. Bad input is a problem detail with its own code, never a 500.
 */
@RestController
class RegulatorReportsController {

    private static final String BASE = "/api/v1/backoffice/compliance/reports";

    private final RegulatorReports reports;
    private final AuditTrail audit;

    RegulatorReportsController(RegulatorReports reports, AuditTrail audit) {
        this.reports = reports;
        this.audit = audit;
    }

    record ReportEntry(String kind, String title) {
    }

    record Catalogue(List<String> licences, List<ReportEntry> reports) {
    }

    /** {@code message} is there only when there are no rows. */
    record Report(String kind, String licence, LocalDate from, LocalDate to, String generatedAt, int rowCount,
            List<Map<String, Object>> rows, @JsonInclude(JsonInclude.Include.NON_NULL) String message) {
    }

    @GetMapping(BASE)
    @Operation(summary = "The tenant's licences (the jurisdictions of its brands' effective rules) and the regulator reports")
    ResponseEntity<Catalogue> catalogue() {
        return ResponseEntity.ok(new Catalogue(reports.licences().held(), Arrays.stream(ReportKind.values())
                .map(kind -> new ReportEntry(kind.wire(), kind.title())).toList()));
    }

    @GetMapping(BASE + "/{kind}")
    @Operation(summary = "One regulator report (wagers, voids, liability, self-exclusions, rg-events, aml-alerts) for one "
            + "licence over whole UTC days from..to (both included, at most 366), format=json (default) or csv; "
            + "no rows: \"No activity\"; every export is audited")
    @Transactional
    ResponseEntity<?> report(@PathVariable String kind, @RequestParam(required = false) String licence,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format, JwtAuthenticationToken caller) {
        Optional<ReportKind> reportKind = ReportKind.fromWire(kind);
        if (reportKind.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "unknown_report", "There is no report " + kind + "; the reports are "
                    + Arrays.stream(ReportKind.values()).map(ReportKind::wire).toList() + ".");
        }
        String wanted = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("json") && !wanted.equals("csv")) {
            return refused(HttpStatus.BAD_REQUEST, "unsupported_format", "Reports are written as json or csv.", "format",
                    "json or csv");
        }
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            return refused(HttpStatus.BAD_REQUEST, "window_required", "Say the period: from and to, both days included.",
                    from == null || from.isBlank() ? "from" : "to", "a date, e.g. 2026-11-01");
        }
        LocalDate start;
        LocalDate end;
        try {
            start = LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            return refused(HttpStatus.BAD_REQUEST, "invalid_date", "from is not a date.", "from", "a date, e.g. 2026-11-01");
        }
        try {
            end = LocalDate.parse(to.strip());
        } catch (DateTimeParseException e) {
            return refused(HttpStatus.BAD_REQUEST, "invalid_date", "to is not a date.", "to", "a date, e.g. 2026-11-30");
        }
        if (start.isAfter(end)) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, "window_reversed", "The period ends before it starts.", "to",
                    "on or after from");
        }
        if (ReportWindow.days(start, end) > ReportWindow.MAX_DAYS) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, "window_too_long", "A report covers at most "
                    + ReportWindow.MAX_DAYS + " days.", "to", "at most " + ReportWindow.MAX_DAYS + " days after from, both included");
        }
        if (licence == null || licence.isBlank()) {
            return refused(HttpStatus.BAD_REQUEST, "licence_required", "Say which licence the report is for.", "licence",
                    "one of the tenant's licences, e.g. GB");
        }
        String code = licence.strip().toUpperCase(Locale.ROOT);
        if (!Licences.isJurisdictionCode(code)) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, "unknown_jurisdiction", licence.strip()
                    + " is not a jurisdiction.", "licence", "a jurisdiction code such as GB, MT or CA-ON");
        }
        Licences licences = reports.licences();
        if (!licences.holds(code)) {
            return refused(HttpStatus.UNPROCESSABLE_CONTENT, "licence_not_held", "This operator holds no licence in " + code
                    + "; its licences are " + licences.held() + ".", "licence", "one of " + licences.held());
        }
        ReportKind report = reportKind.get();
        ReportWindow window = new ReportWindow(start, end);
        return switch (reports.generate(report, licences, code, window)) {
            case RegulatorReports.Outcome.TooLarge tooLarge -> refused(HttpStatus.UNPROCESSABLE_CONTENT, "report_too_large",
                    "The period holds more than " + tooLarge.limit() + " records; ask for a shorter one.", "to", "an earlier day");
            case RegulatorReports.Outcome.Rows rows -> {
                String fileName = report.wire() + "-" + code + "-" + start + "-" + end + "." + wanted;
                audit.record(AuditEntry.of("report.exported", fileName.substring(0, fileName.lastIndexOf('.')))
                        .by(RealmTokens.actor(caller.getToken())).with("report", report.wire()).with("licence", code)
                        .with("from", start.toString()).with("to", end.toString()).with("format", wanted)
                        .with("rowCount", rows.rows().size()).with("generatedAt", rows.generatedAt().toString()));
                if (wanted.equals("csv")) {
                    yield Csv.attachment(fileName, Csv.write(report.csvHeader(),
                            rows.rows().stream().map(row -> new ArrayList<>(row.values())).toList()));
                }
                yield ResponseEntity.ok(new Report(report.wire(), code, start, end, rows.generatedAt().toString(),
                        rows.rows().size(), rows.rows(), rows.rows().isEmpty() ? Csv.NO_ACTIVITY : null));
            }
        };
    }

    private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String code, String detail, String field,
            String expected) {
        ProblemDetail problem = Problems.of(status, code, detail);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", expected)));
        return Problems.response(problem);
    }
}
