package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.KycState;
import com.sportsbook.runtime.compliance.rules.RulesUnavailable;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The player's own verification: where it stands, what is required and why (the brand's rule), uploading
 * documents (multipart, or JSON with base64 content) and submitting them to the provider.
 */
@RestController
class KycPlayerController {

    private final Players players;
    private final KycCases cases;
    private final KycDocuments documents;
    private final KycSubmissions submissions;
    private final KycPolicy policy;
    private final KycSettings settings;
    private final TransactionOperations transactions;
    private final Clock clock;

    KycPlayerController(Players players, KycCases cases, KycDocuments documents, KycSubmissions submissions,
            KycPolicy policy, KycSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.players = players;
        this.cases = cases;
        this.documents = documents;
        this.submissions = submissions;
        this.policy = policy;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    record RequiredFor(String timing, java.util.Map<String, Long> depositThresholds, String why) {
    }

    record PlayerHistoryLine(Instant at, String action, String from, String to, String reason) {
    }

    record MyVerification(String state, boolean verified, Instant expiresAt, RequiredFor requiredFor,
            List<String> documentsRequested, Instant documentsRequestedAt, List<KycDocuments.DocumentView> documents,
            boolean canUpload, boolean canSubmit, String nextStep, List<String> acceptedContentTypes, long maxDocumentBytes,
            List<PlayerHistoryLine> history) {
    }

    record Base64Document(String type, String fileName, String contentType, String content) {
    }

    @GetMapping("/api/v1/kyc")
    @Operation(summary = "My identity verification: its state, what is required and why, my documents, what to do next")
    ResponseEntity<?> mine(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noProfile();
        }
        return ResponseEntity.ok(view(player.get()));
    }

    @PostMapping(path = "/api/v1/kyc/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload an identity document (multipart: type = passport|id_card|driving_licence|proof_of_address, file)")
    ResponseEntity<?> uploadMultipart(@RequestParam(required = false) String type,
            @RequestParam(required = false) MultipartFile file, JwtAuthenticationToken token) throws IOException {
        if (file == null || file.isEmpty()) {
            return Problems.invalidField("The upload has no document.", "file", "attach the document as the multipart part 'file'");
        }
        return upload(token, type, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @PostMapping(path = "/api/v1/kyc/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Upload an identity document as JSON: type, fileName, contentType, content (base64)")
    ResponseEntity<?> uploadBase64(@RequestBody(required = false) Base64Document document, JwtAuthenticationToken token) {
        if (document == null || document.content() == null || document.content().isBlank()) {
            return Problems.invalidField("The upload has no document.", "content", "the document's bytes, base64-encoded");
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(document.content());
        } catch (IllegalArgumentException bad) {
            return Problems.invalidField("The document is not valid base64.", "content", "the document's bytes, base64-encoded");
        }
        return upload(token, document.type(), document.fileName(), document.contentType(), content);
    }

    private ResponseEntity<?> upload(JwtAuthenticationToken token, String type, String fileName, String contentType,
            byte[] content) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noProfile();
        }
        return switch (documents.upload(player.get().id(), player.get().brand(), type, fileName, contentType, content)) {
            case KycDocuments.Upload.Stored stored -> ResponseEntity.status(HttpStatus.CREATED).body(stored.document());
            case KycDocuments.Upload.Refused refused ->
                    Problems.response(HttpStatus.valueOf(refused.status()), refused.code(), refused.detail());
        };
    }

    @PostMapping("/api/v1/kyc/submission")
    @Operation(summary = "Submit my documents for verification; 202, the provider's verdict follows")
    ResponseEntity<?> submit(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return noProfile();
        }
        return switch (submissions.submit(player.get().id())) {
            case KycSubmissions.Result.Submitted submitted -> ResponseEntity.accepted().body(view(player.get()));
            case KycSubmissions.Result.Refused refused ->
                    Problems.response(HttpStatus.valueOf(refused.status()), refused.code(), refused.detail());
        };
    }

    private MyVerification view(PlayerView player) {
        RequiredFor rule;
        try {
            KycPolicy.Requirement requirement = policy.forBrand(player.brand());
            rule = new RequiredFor(requirement.timing().wire(), requirement.depositThresholds(), requirement.why());
        } catch (RulesUnavailable unknown) {
            // the player still sees where the verification stands; the gates that need the rule fail closed
            rule = new RequiredFor("unknown", java.util.Map.of(), "The brand's rules cannot be read right now.");
        }
        RequiredFor requiredFor = rule;
        return transactions.execute(status -> {
            Optional<KycCases.CaseRow> found = cases.byPlayer(player.id());
            KycState state = found.map(KycCases.CaseRow::state).orElse(KycState.NOT_STARTED);
            Set<DocumentCategory> requested = found.filter(row -> row.state() == KycState.PENDING)
                    .map(row -> row.kyc().required())
                    .orElse(Set.of());
            List<String> requestedWire = requested.isEmpty() && state != KycState.IN_REVIEW && state != KycState.VERIFIED
                    ? settings.requiredDocuments() : requested.stream().map(DocumentCategory::wire).sorted().toList();
            List<KycDocuments.DocumentView> mine = found.map(row -> documents.of(row.id())).orElse(List.of());
            List<PlayerHistoryLine> history = found.map(row -> cases.history(row.id()).stream()
                    .filter(line -> !line.from().equals(line.to()) || line.action().equals("document_uploaded"))
                    .map(line -> new PlayerHistoryLine(line.at(), line.action(), line.from(), line.to(), line.reason()))
                    .toList()).orElse(List.of());
            boolean verified = found.map(row -> row.kyc().verifiedAt(clock.instant())).orElse(false);
            boolean canUpload = state != KycState.IN_REVIEW && state != KycState.VERIFIED;
            boolean canSubmit = state == KycState.PENDING;
            String next = switch (state) {
                case NOT_STARTED -> "Upload " + describe(requestedWire) + ", then submit them.";
                case PENDING -> "Upload " + describe(requestedWire) + " if you have not yet, then submit them.";
                case IN_REVIEW -> "Your documents are being checked; we will tell you the result.";
                case VERIFIED -> "Your identity is verified.";
                case REJECTED -> "Your documents were not accepted; upload new ones and submit them again.";
                case EXPIRED -> "Your verification has expired; upload current documents and submit them again.";
            };
            return new MyVerification(state.wire(), verified, found.map(row -> row.kyc().expiresAt()).orElse(null), requiredFor,
                    requestedWire, found.map(row -> row.kyc().requestedAt()).orElse(null), mine, canUpload, canSubmit, next,
                    documents.contentTypes(), documents.maxBytes(), history);
        });
    }

    private static String describe(List<String> categories) {
        return String.join(" and ", categories.stream().map(category -> switch (category) {
            case "identity" -> "an identity document (passport, identity card or driving licence)";
            case "proof_of_address" -> "a proof of address";
            default -> category;
        }).toList());
    }

    private static ResponseEntity<?> noProfile() {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This account has no player profile on this brand.");
    }
}
