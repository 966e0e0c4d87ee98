package com.sportsbook.controlplane.credentials;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Whose a secret is and what it is for. Every layer binds the secret to it: the secret's own AES-GCM and the data
 * key's wrapping take it as authenticated data (local key), or KMS takes it as its encryption context. A row copied
 * to another tenant, purpose or field therefore cannot be opened there: it fails, it never yields a wrong plain text.
 */
record EncryptionContext(String tenant, String purpose, String field) {

    EncryptionContext {
        if (tenant == null || tenant.isBlank() || purpose == null || purpose.isBlank() || field == null || field.isBlank()) {
            throw new IllegalArgumentException("an encryption context names a tenant, a purpose and a field");
        }
    }

    /** The authenticated data of the local AES-GCM layers; the format secrets stored so far were sealed with. */
    byte[] aad() {
        return ("tenant=" + tenant + ";purpose=" + purpose + ";field=" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** KMS's EncryptionContext: non-secret, logged by CloudTrail with every use of the key. */
    Map<String, String> asMap() {
        return Map.of("tenant", tenant, "purpose", purpose, "field", field);
    }

    @Override
    public String toString() {
        return "tenant " + tenant + ", " + purpose + " " + field;
    }
}
