package com.sportsbook.runtime.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A bet receipt as issued: {@code receipt} is the canonical JSON text that is signed, {@code signature} the Ed25519
 * signature over its UTF-8 bytes (base64; null only inside the platform, before it is signed), {@code keyId} names
 * the platform key that signed it, {@code issuedAt} when the bet was accepted and the receipt written.
 */
public record SignedReceipt(UUID betId, UUID playerId, String receipt, String signature, String algorithm, String keyId,
        Instant issuedAt) {
}
