package com.sportsbook.runtime.audit.log;

import com.sportsbook.runtime.audit.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's link in the chain: lowercase hex SHA-256 over the UTF-8 bytes of the canonical JSON object
 * <pre>
 * {"actor":…,"id":…,"kind":…,"occurredAt":…,"payload":{…},"prev":…,"reference":…,"seq":…,"subject":…}
 * </pre>
 * that is, the record's content with its sequence number and the previous record's hash ({@link #GENESIS} before
 * the first). The payload is embedded as stored (it is canonical already). ADR 0016 spells it out for verifiers
 * outside the platform.
 */
public final class ChainHash {

    /** The "previous hash" of the first record. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    public static String of(long seq, String previousHash, AuditRow record) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("seq", seq);
        content.put("prev", previousHash);
        content.put("id", record.id());
        content.put("kind", record.kind());
        content.put("subject", record.subject());
        content.put("reference", record.reference());
        content.put("actor", record.actor());
        content.put("occurredAt", record.occurredAt());
        content.put("payload", new CanonicalJson.Raw(record.payload()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.write(content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
