package com.sportsbook.runtime.compliance.kyc;

import com.sportsbook.runtime.compliance.kyc.core.Actor;
import com.sportsbook.runtime.compliance.kyc.core.DocumentCategory;
import com.sportsbook.runtime.compliance.kyc.core.DocumentType;
import com.sportsbook.runtime.compliance.kyc.core.EnvelopeCipher;
import com.sportsbook.runtime.compliance.kyc.core.KycCommand;
import com.sportsbook.runtime.compliance.kyc.core.KycState;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Identity documents: a player uploads them (type, size and content checked: the declared content type must match
 * the file's own signature), each is sealed with its own data key ({@link EnvelopeCipher}) and only the ciphertext
 * goes to the object store; the record keeps the envelope. Officers read a document decrypted, and every read is a
 * line in the case's history.
 */
public final class KycDocuments {

    public record DocumentView(UUID id, String type, String fileName, String contentType, long size, String sha256,
            Instant uploadedAt) {
    }

    public sealed interface Upload {
        record Stored(DocumentView document, KycCases.CaseRow caseAfter) implements Upload {
        }

        record Refused(int status, String code, String detail) implements Upload {
        }
    }

    public sealed interface Download {
        record File(DocumentView document, byte[] content) implements Download {
        }

        record Refused(int status, String code, String detail) implements Download {
        }
    }

    private static final Map<String, byte[]> SIGNATURES = Map.of(
            "application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'},
            "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF},
            "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final JdbcClient jdbc;
    private final KycCases cases;
    private final DocumentStore store;
    private final EnvelopeCipher cipher;
    private final long maxBytes;
    private final List<String> contentTypes;
    private final Set<DocumentCategory> firstRequest;
    private final TransactionOperations transactions;
    private final Clock clock;

    KycDocuments(JdbcClient jdbc, KycCases cases, DocumentStore store, EnvelopeCipher cipher, long maxBytes,
            List<String> contentTypes, Set<DocumentCategory> firstRequest, TransactionOperations transactions, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.store = store;
        this.cipher = cipher;
        this.maxBytes = maxBytes;
        this.contentTypes = List.copyOf(contentTypes);
        this.firstRequest = Set.copyOf(firstRequest);
        this.transactions = transactions;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public List<String> contentTypes() {
        return contentTypes;
    }

    /**
     * Stores a player's document. A case not started, rejected or expired is (re)opened for documents first, by the
     * player; a case in review or verified takes no documents.
     */
    public Upload upload(UUID playerId, String brand, String typeWire, String fileName, String contentType, byte[] content) {
        Optional<DocumentType> type = DocumentType.fromWire(typeWire);
        if (type.isEmpty()) {
            return new Upload.Refused(422, "invalid_document_type",
                    "The document type is one of passport, id_card, driving_licence, proof_of_address.");
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!contentTypes.contains(mediaType)) {
            return new Upload.Refused(415, "unsupported_document_content_type",
                    "A document is one of " + String.join(", ", contentTypes) + "; got '" + mediaType + "'.");
        }
        if (content == null || content.length == 0) {
            return new Upload.Refused(422, "document_empty", "The document has no content.");
        }
        if (content.length > maxBytes) {
            return new Upload.Refused(413, "document_too_large",
                    "A document is at most " + maxBytes + " bytes; this one has " + content.length + ".");
        }
        byte[] signature = SIGNATURES.get(mediaType);
        if (signature != null && (content.length < signature.length
                || !Arrays.equals(Arrays.copyOf(content, signature.length), signature))) {
            return new Upload.Refused(422, "document_content_mismatch",
                    "The file's content is not " + mediaType + ", as it was declared.");
        }
        if (fileName != null && fileName.length() > 200) {
            return new Upload.Refused(422, "file_name_too_long", "A file name has at most 200 characters.");
        }
        String tenant = TenantContext.require().slug().value();
        return transactions.execute(status -> {
            KycCases.CaseRow kase = cases.openAndLock(playerId, brand);
            Actor player = Actor.player(playerId.toString());
            if (EnumSet.of(KycState.NOT_STARTED, KycState.REJECTED, KycState.EXPIRED).contains(kase.state())) {
                String why = switch (kase.state()) {
                    case REJECTED -> "resubmission after a rejection";
                    case EXPIRED -> "re-verification after the verification expired";
                    default -> "the player started verification";
                };
                KycCases.Applied opened = cases.apply(kase, new KycCommand.RequestDocuments(firstRequest, why), player);
                if (opened instanceof KycCases.Applied.Refused refused) {
                    status.setRollbackOnly();
                    return new Upload.Refused(refused.status(), refused.code(), refused.detail());
                }
                kase = ((KycCases.Applied.Moved) opened).after();
            } else if (kase.state() != KycState.PENDING) {
                status.setRollbackOnly();
                return new Upload.Refused(409, "case_not_accepting_documents",
                        "The verification is " + kase.state().wire() + ": documents are taken only while they are requested.");
            }
            UUID id = UUID.randomUUID();
            String key = tenant + "/kyc/" + playerId + "/" + id;
            EnvelopeCipher.Sealed sealed = cipher.seal(id.toString(), content);
            store.put(key, sealed.ciphertext(), Map.of("kyc-envelope", "aes-256-gcm", "kyc-key-id", sealed.envelope().keyId()));
            Instant now = clock.instant();
            jdbc.sql("""
                    INSERT INTO kyc_document (id, case_id, player_id, type, file_name, content_type, size_bytes, sha256, bucket,
                      object_key, key_id, iv, wrapped_key, wrap_iv, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, kase.id(), playerId, type.get().wire(), fileName, mediaType, (long) content.length,
                            sealed.envelope().sha256(), store.bucket(), key, sealed.envelope().keyId(), sealed.envelope().iv(),
                            sealed.envelope().wrappedKey(), sealed.envelope().wrapIv(), Timestamp.from(now))
                    .update();
            cases.note(kase.id(), player, "document_uploaded", type.get().wire() + " " + id + " (" + mediaType + ", "
                    + content.length + " bytes, sha256 " + sealed.envelope().sha256() + ")");
            return new Upload.Stored(new DocumentView(id, type.get().wire(), fileName, mediaType, content.length,
                    sealed.envelope().sha256(), now), cases.byId(kase.id()).orElseThrow());
        });
    }

    /** A document decrypted for an officer; the read is recorded in the case's history. */
    public Download download(UUID caseId, UUID documentId, Actor reader) {
        return transactions.execute(status -> {
            Optional<Stored> found = jdbc.sql(SELECT + " WHERE id = ? AND case_id = ?").params(documentId, caseId)
                    .query((rs, n) -> stored(rs)).optional();
            if (found.isEmpty()) {
                status.setRollbackOnly();
                return new Download.Refused(404, "unknown_document", "The case has no document " + documentId + ".");
            }
            Stored document = found.get();
            Optional<byte[]> ciphertext = store.get(document.objectKey());
            if (ciphertext.isEmpty()) {
                cases.note(caseId, reader, "document_missing", "document " + documentId + " is not in the store");
                return new Download.Refused(409, "document_missing", "The document's content is not in the store.");
            }
            EnvelopeCipher.Opened opened = cipher.open(documentId.toString(), ciphertext.get(), document.envelope());
            if (opened instanceof EnvelopeCipher.Opened.Unreadable unreadable) {
                cases.note(caseId, reader, "document_unreadable", "document " + documentId + ": " + unreadable.reason());
                return new Download.Refused(409, "document_unreadable",
                        "The document cannot be decrypted: " + unreadable.reason() + ".");
            }
            cases.note(caseId, reader, "document_viewed", document.view().type() + " " + documentId + " viewed decrypted");
            return new Download.File(document.view(), ((EnvelopeCipher.Opened.Plain) opened).content());
        });
    }

    /** The plaintext for the provider (no officer is reading: not a history line; the hand-over is). */
    Optional<byte[]> plaintext(UUID documentId) {
        return transactions.execute(status -> jdbc.sql(SELECT + " WHERE id = ?").param(documentId).query((rs, n) -> stored(rs))
                .optional()).flatMap(document -> store.get(document.objectKey())
                .map(ciphertext -> cipher.open(documentId.toString(), ciphertext, document.envelope()))
                .filter(EnvelopeCipher.Opened.Plain.class::isInstance)
                .map(opened -> ((EnvelopeCipher.Opened.Plain) opened).content()));
    }

    public List<DocumentView> of(UUID caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = ? ORDER BY uploaded_at").param(caseId).query((rs, n) -> stored(rs).view()).list();
    }

    /** The documents uploaded since a request, which are what a submission hands over. */
    List<DocumentView> since(UUID caseId, Instant since) {
        return jdbc.sql(SELECT + " WHERE case_id = ? AND uploaded_at >= ? ORDER BY uploaded_at")
                .params(caseId, Timestamp.from(since)).query((rs, n) -> stored(rs).view()).list();
    }

    private record Stored(DocumentView view, String objectKey, EnvelopeCipher.Envelope envelope) {
    }

    private static final String SELECT = """
            SELECT id, type, file_name, content_type, size_bytes, sha256, object_key, key_id, iv, wrapped_key, wrap_iv,
              uploaded_at FROM kyc_document""";

    private static Stored stored(ResultSet rs) throws SQLException {
        DocumentView view = new DocumentView(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant());
        return new Stored(view, rs.getString("object_key"), new EnvelopeCipher.Envelope(rs.getString("key_id"),
                rs.getBytes("iv"), rs.getBytes("wrapped_key"), rs.getBytes("wrap_iv"), rs.getString("sha256")));
    }
}
