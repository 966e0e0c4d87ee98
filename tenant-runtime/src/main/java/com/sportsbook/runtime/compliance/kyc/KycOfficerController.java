package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.commons.identity.RealmTokens;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.compliance.kyc.core.KycState;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The KYC queue for compliance officers: cases by state (in review first), a case with its documents and history,
 * reading a document decrypted (recorded in the history), approving or rejecting with a reason, asking for more
 * documents, and setting when a verification expires.
 */
@RestController
class KycOfficerController {

    private static final String BASE = "/api/v1/backoffice/compliance/kyc/cases";

    private final KycCases cases;
    private final KycDocuments documents;
    private final KycSettings settings;
    private final TransactionOperations transactions;
    private final Clock clock;

    KycOfficerController(KycCases cases, KycDocuments documents, KycSettings settings, PlatformTransactionManager transactions,
            Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    record CaseSummary(UUID id, UUID playerId, String brand, String state, List<String> documentsRequested,
            Instant documentsRequestedAt, Instant expiresAt, String provider, String providerReference, String providerVerdict,
            Instant openedAt, Instant updatedAt) {
    }

    record CaseFile(CaseSummary summary, List<KycDocuments.DocumentView> documents, List<KycCases.HistoryLine> history) {
    }

    record Decision(String decision, String reason, String expiresAt) {
    }

    record DocumentRequest(List<String> documents, String reason) {
    }

    record Expiry(String expiresAt, String reason) {
    }

    @GetMapping(BASE)
    @Operation(summary = "KYC cases in a state (default in_review), longest waiting first")
    ResponseEntity<?> queue(@RequestParam(required = false) String state) {
        Optional<KycState> wanted = state == null ? Optional.of(KycState.IN_REVIEW) : KycState.fromWire(state);
        if (wanted.isEmpty()) {
            return Problems.invalidField("Unknown state.", "state",
                    "one of not_started, pending, in_review, verified, rejected, expired");
        }
        return ResponseEntity.ok(transactions.execute(status -> cases.queue(wanted.get(), 500).stream()
                .map(KycOfficerController::summary).toList()));
    }

    @GetMapping(BASE + "/{caseId}")
    @Operation(summary = "A KYC case: its documents and its full history")
    ResponseEntity<?> file(@PathVariable String caseId) {
        return id(caseId).flatMap(this::caseFile).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> unknown(caseId));
    }

    @GetMapping(BASE + "/{caseId}/documents/{documentId}")
    @Operation(summary = "A document, decrypted; the read is recorded in the case's history")
    ResponseEntity<?> document(@PathVariable String caseId, @PathVariable String documentId, JwtAuthenticationToken caller) {
        Optional<UUID> kase = id(caseId);
        Optional<UUID> document = id(documentId);
        if (kase.isEmpty() || document.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, "unknown_document", "There is no such document.");
        }
        return switch (documents.download(kase.get(), document.get(), officer(caller))) {
            case KycDocuments.Download.File file -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(file.document().contentType()))
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(file.document().fileName() == null ? file.document().id().toString() : file.document().fileName())
                            .build().toString())
                    .body(file.content());
            case KycDocuments.Download.Refused refused ->
                    Problems.response(HttpStatus.valueOf(refused.status()), refused.code(), refused.detail());
        };
    }

    @PostMapping(BASE + "/{caseId}/decision")
    @Operation(summary = "Approve (optionally until expiresAt, ISO-8601) or reject a case in review, with a reason")
    ResponseEntity<?> decide(@PathVariable String caseId, @RequestBody(required = false) Decision decision,
            JwtAuthenticationToken caller) {
        if (decision == null || decision.decision() == null || !List.of("approve", "reject").contains(decision.decision())) {
            return Problems.invalidField("Say what you decide.", "decision", "approve or reject");
        }
        KycCommand command;
        if (decision.decision().equals("approve")) {
            Instant expiresAt;
            try {
                expiresAt = decision.expiresAt() == null || decision.expiresAt().isBlank()
                        ? clock.instant().plus(settings.reverificationPeriod()) : Instant.parse(decision.expiresAt());
            } catch (DateTimeParseException bad) {
                return Problems.invalidField("The expiry is not a time.", "expiresAt", "an ISO-8601 instant, e.g. 2030-01-31T00:00:00Z");
            }
            command = new KycCommand.Approve(expiresAt, decision.reason());
        } else {
            command = new KycCommand.Reject(decision.reason());
        }
        return apply(caseId, command, caller);
    }

    @PostMapping(BASE + "/{caseId}/document-requests")
    @Operation(summary = "Ask the player for (more) documents: identity and/or proof_of_address, with a reason")
    ResponseEntity<?> requestDocuments(@PathVariable String caseId, @RequestBody(required = false) DocumentRequest request,
            JwtAuthenticationToken caller) {
        Set<DocumentCategory> categories = EnumSet.noneOf(DocumentCategory.class);
        for (String wire : request == null || request.documents() == null ? List.<String>of() : request.documents()) {
            Optional<DocumentCategory> category = DocumentCategory.fromWire(wire);
            if (category.isEmpty()) {
                return Problems.invalidField("Unknown document category.", "documents", "identity or proof_of_address");
            }
            categories.add(category.get());
        }
        return apply(caseId, new KycCommand.RequestDocuments(categories, request == null ? null : request.reason()), caller);
    }

    @PutMapping(BASE + "/{caseId}/expiry")
    @Operation(summary = "Set when a verified case expires (ISO-8601), with a reason")
    ResponseEntity<?> expiry(@PathVariable String caseId, @RequestBody(required = false) Expiry expiry,
            JwtAuthenticationToken caller) {
        Instant at;
        try {
            at = expiry == null || expiry.expiresAt() == null ? null : Instant.parse(expiry.expiresAt());
        } catch (DateTimeParseException bad) {
            at = null;
        }
        if (at == null) {
            return Problems.invalidField("The expiry is not a time.", "expiresAt", "an ISO-8601 instant, e.g. 2030-01-31T00:00:00Z");
        }
        return apply(caseId, new KycCommand.SetExpiry(at, expiry.reason()), caller);
    }

    private ResponseEntity<?> apply(String caseId, KycCommand command, JwtAuthenticationToken caller) {
        Optional<UUID> id = id(caseId);
        if (id.isEmpty()) {
            return unknown(caseId);
        }
        KycCases.Applied applied = transactions.execute(status -> {
            KycCases.Applied result = cases.apply(id.get(), command, officer(caller));
            if (result instanceof KycCases.Applied.Refused) {
                status.setRollbackOnly();
            }
            return result;
        });
        return switch (applied) {
            case KycCases.Applied.Moved moved -> ResponseEntity.ok(caseFile(id.get()).orElseThrow());
            case KycCases.Applied.Refused refused ->
                    Problems.response(HttpStatus.valueOf(refused.status()), refused.code(), refused.detail());
        };
    }

    private Optional<CaseFile> caseFile(UUID caseId) {
        return transactions.execute(status -> cases.byId(caseId).map(row -> new CaseFile(summary(row), documents.of(caseId),
                cases.history(caseId))));
    }

    private static CaseSummary summary(KycCases.CaseRow row) {
        return new CaseSummary(row.id(), row.playerId(), row.brand(), row.state().wire(),
                row.kyc().required().stream().map(DocumentCategory::wire).sorted().toList(), row.kyc().requestedAt(),
                row.kyc().expiresAt(), row.provider(), row.providerReference(), row.providerVerdict(), row.openedAt(),
                row.updatedAt());
    }

    private static Actor officer(JwtAuthenticationToken caller) {
        return Actor.officer(RealmTokens.actor(caller.getToken()));
    }

    private static ResponseEntity<?> unknown(String caseId) {
        return Problems.response(HttpStatus.NOT_FOUND, "unknown_case", "There is no KYC case " + caseId + ".");
    }

    private static Optional<UUID> id(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
