package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.kyc.core.DocumentType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The identity-verification provider SPI. Real providers take a case with its documents, answer at once with their
 * reference, and give their verdict later by a signed webhook; the runtime changes a case only on a verified webhook
 * (or an officer's decision). The sandbox provider is the embedded mode's and the tests' implementation.
 */
public interface KycProvider {

    /** The provider's name in webhook paths and records ({@code /api/v1/kyc/webhooks/{name}}). */
    String name();

    /** Hands a case over; the same {@code submissionId} twice is one submission. */
    Submission submit(KycSubmission submission);

    /** Checks a webhook's signature over its raw body and reads the verdict in it; a forged one is refused. */
    Webhook verify(String tenant, byte[] rawBody, Map<String, String> lowerCaseHeaders);

    /**
     * @param brandHost where the provider reaches the brand (its webhooks go to the brand's host, as real ones do)
     */
    record KycSubmission(String tenant, String brandHost, UUID submissionId, UUID caseId, UUID playerId, String firstName,
            String lastName, LocalDate dateOfBirth, String country, List<SubmittedDocument> documents) {
        public KycSubmission {
            documents = List.copyOf(documents);
        }
    }

    /** A document as the provider receives it; the plaintext is decrypted only if the provider asks for it. */
    record SubmittedDocument(UUID id, DocumentType type, String contentType, String sha256, Supplier<byte[]> content) {
    }

    sealed interface Submission {
        record Accepted(String reference) implements Submission {
        }

        record Refused(String reason) implements Submission {
        }
    }

    sealed interface Webhook {
        record Verified(Verdict verdict) implements Webhook {
        }

        record Forged(String reason) implements Webhook {
        }
    }

    /**
     * A provider's event, mapped to what the runtime understands.
     *
     * @param documentExpiresOn when the verified document expires, where the provider read it (bounds the verification)
     */
    record Verdict(String eventId, String type, String reference, Outcome outcome, String reason,
            LocalDate documentExpiresOn, Instant at) {
    }

    enum Outcome {
        APPROVED, REJECTED, NEEDS_REVIEW, PROCESSING, OTHER
    }
}
