package com.sportsbook.runtime.audit.receipts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param signingKey the platform's Ed25519 private key for bet receipts, PKCS#8 as PEM or base64 DER (from the
 *     secret store; env {@code RECEIPT_SIGNING_KEY}); empty: the public dev key (embedded mode and tests only)
 */
@ConfigurationProperties("runtime.audit.receipts")
record ReceiptSettings(String signingKey) {
}
