package com.sportsbook.runtime.audit.receipts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKey the platform's Ed25519 private key for bet receipts, PKCS#8 as PEM or base64 DER (from the
 *     secret store; env {@code RECEIPT_SIGNING_KEY}); empty: the public dev key (embedded mode and tests only)
 * @param idleSignInterval how often a quiet tenant's new receipts are signed (one whose last pass found none); a busy
 *     tenant's are every {@code sign-interval}
 */
@ConfigurationProperties("runtime.audit.receipts")
record ReceiptSettings(String signingKey, Duration idleSignInterval) {

    ReceiptSettings {
        idleSignInterval = idleSignInterval == null ? Duration.ofSeconds(1) : idleSignInterval;
    }
}
