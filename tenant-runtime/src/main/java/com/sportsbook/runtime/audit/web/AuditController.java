package com.sportsbook.runtime.audit.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.audit.CanonicalJson;
import com.sportsbook.runtime.audit.log.AuditLogReads;
import com.sportsbook.runtime.audit.log.AuditRow;
import com.sportsbook.runtime.audit.log.AuditVerifications;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's audit log for compliance officers and tenant admins: page through it with filters, and verify the
 * chain (everything committed is sealed first; the answer names the first bad record if there is one).
 */
@RestController
class AuditController {

    static final int MAX_PAGE = 200;

    private final AuditLogReads reads;
    private final AuditVerifications verifications;

    AuditController(AuditLogReads reads, AuditVerifications verifications) {
        this.reads = reads;
        this.verifications = verifications;
    }

    /**
     * A record as kept: {@code occurredAt} in the canonical form that is hashed, {@code payload} the canonical JSON
     * object as stored; {@code seq}, {@code prevHash}, {@code hash} and {@code sealedAt} null until sealed.
     */
    record RecordView(long id, Long seq, String kind, String subject, String reference, String actor, String occurredAt,
            @JsonRawValue String payload, String prevHash, String hash, Instant sealedAt) {
        static RecordView of(AuditRow row) {
            return new RecordView(row.id(), row.seq(), row.kind(), row.subject(), row.reference(), row.actor(),
                    CanonicalJson.time(row.occurredAt()), row.payload(), row.prevHash(), row.hash(), row.sealedAt());
        }
    }

    record RecordPage(List<RecordView> items, String nextCursor) {
    }

    @GetMapping("/api/v1/backoffice/audit/records")
    @Operation(summary = "The audit log, newest first: filter by kind (exact, or a prefix ending in *), subject (an id a"
            + " record is about or refers to), from (inclusive) and to (exclusive, ISO-8601); paged by cursor")
    @Transactional(readOnly = true)
    ResponseEntity<?> records(@RequestParam(required = false) String kind, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Problems.invalidField("The page size is out of range.", "limit", "from 1 to " + MAX_PAGE);
        }
        if (kind != null && (kind.isBlank() || kind.length() > 60)) {
            return Problems.invalidField("Not a record kind.", "kind", "a kind such as bet.accepted, or a prefix such as bet.*");
        }
        if (subject != null && (subject.isBlank() || subject.length() > 200)) {
            return Problems.invalidField("Not a subject.", "subject", "an id of 1 to 200 characters");
        }
        Instant fromTime;
        Instant toTime;
        try {
            fromTime = from == null ? null : Instant.parse(from);
        } catch (DateTimeParseException e) {
            return Problems.invalidField("Not a time.", "from", "an ISO-8601 instant, e.g. 2025-03-01T00:00:00Z");
        }
        try {
            toTime = to == null ? null : Instant.parse(to);
        } catch (DateTimeParseException e) {
            return Problems.invalidField("Not a time.", "to", "an ISO-8601 instant, e.g. 2025-03-02T00:00:00Z");
        }
        Long before = null;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
            } catch (NumberFormatException e) {
                return Problems.invalidField("The cursor is not valid.", "cursor", "a cursor from a previous page");
            }
        }
        List<AuditRow> rows = reads.page(kind, subject, fromTime, toTime, before, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditRow> page = more ? rows.subList(0, limit) : rows;
        return ResponseEntity.ok(new RecordPage(page.stream().map(RecordView::of).toList(),
                more ? Long.toString(page.getLast().id()) : null));
    }

    @PostMapping("/api/v1/backoffice/audit/verifications")
    @Operation(summary = "Seal what is committed and verify the whole audit chain: intact, or the first bad record"
            + " (edited: hash_mismatch, deleted: missing_record or missing_tail, reordered: previous_hash_mismatch)")
    ResponseEntity<AuditVerifications.Verification> verify(JwtAuthenticationToken caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(verifications.run(RealmTokens.actor(caller.getToken())));
    }

    @GetMapping("/api/v1/backoffice/audit/verifications")
    @Operation(summary = "The latest audit chain verifications, newest first")
    @Transactional(readOnly = true)
    ResponseEntity<?> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            return Problems.invalidField("The page size is out of range.", "limit", "from 1 to 100");
        }
        return ResponseEntity.ok(verifications.recent(limit));
    }
}
