package com.sportsbook.runtime.audit;

/**
 * The platform's public key for bet receipts: {@code publicKey} is the X.509 SubjectPublicKeyInfo (DER, base64),
 * {@code pem} the same as a PEM block (for {@code openssl pkeyutl -verify}), {@code keyId} the first 16 hex digits
 * of the SHA-256 of the DER bytes.
 */
public record ReceiptKey(String algorithm, String keyId, String publicKey, String pem) {
}
