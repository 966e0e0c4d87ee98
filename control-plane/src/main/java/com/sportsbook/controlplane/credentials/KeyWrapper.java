package com.sportsbook.controlplane.credentials;

import java.security.SecureRandom;

/**
 * Wraps and unwraps data keys with a master key that never leaves its home: a local AES-GCM key in the embedded mode
 * ({@link LocalKeyWrapper}), a key in AWS KMS in production ({@link KmsKeyWrapper}). The encryption context is bound
 * to the wrapped key, so a key wrapped for one tenant, purpose and field cannot be unwrapped for another: unwrapping
 * under another context throws {@link SecretUnreadable}.
 */
interface KeyWrapper {

    /** A fresh data key in clear (for this process only) and wrapped (for the database). */
    record DataKey(byte[] plaintext, byte[] wrapped) {
    }

    /** Which master key wrapped a data key, recorded with it: rotation re-wraps every key not under the current one. */
    String keyId();

    byte[] wrap(byte[] dataKey, EncryptionContext context);

    byte[] unwrap(byte[] wrappedKey, EncryptionContext context);

    /** A new 256-bit data key, wrapped under the context. KMS makes both in one call (GenerateDataKey). */
    default DataKey newDataKey(EncryptionContext context, SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new DataKey(key, wrap(key, context));
    }
}
