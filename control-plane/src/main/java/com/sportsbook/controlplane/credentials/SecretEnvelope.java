package com.sportsbook.controlplane.credentials;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of one secret: a fresh 256-bit data key encrypts it (AES-GCM, the context as authenticated
 * data), and the master key wraps the data key under the same context. A rotation re-wraps the data key under the
 * new master key and leaves the secret's ciphertext as it is. Free of Spring.
 */
final class SecretEnvelope {

    record Sealed(String keyId, byte[] wrappedKey, byte[] ciphertext) {
    }

    private final MasterKeys keys;
    private final SecureRandom random = new SecureRandom();

    SecretEnvelope(MasterKeys keys) {
        this.keys = keys;
    }

    SecretEnvelope(KeyWrapper onlyKey) {
        this(MasterKeys.only(onlyKey));
    }

    /** The context every secret is bound to: whose it is and what it is for. */
    static EncryptionContext context(String tenant, String purpose, String field) {
        return new EncryptionContext(tenant, purpose, field);
    }

    String currentKeyId() {
        return keys.current().keyId();
    }

    Sealed seal(String plaintext, EncryptionContext context) {
        KeyWrapper key = keys.current();
        KeyWrapper.DataKey dataKey = key.newDataKey(context, random);
        try {
            byte[] ciphertext = LocalKeyWrapper.AesGcm.seal(new SecretKeySpec(dataKey.plaintext(), "AES"),
                    plaintext.getBytes(StandardCharsets.UTF_8), context.aad(), random);
            return new Sealed(key.keyId(), dataKey.wrapped(), ciphertext);
        } finally {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
        }
    }

    /** @throws SecretUnreadable when the secret was not sealed for this context, or its key is not configured */
    String open(Sealed sealed, EncryptionContext context) {
        byte[] dataKey = keys.forKeyId(sealed.keyId()).unwrap(sealed.wrappedKey(), context);
        try {
            return new String(LocalKeyWrapper.AesGcm.open(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), context.aad()),
                    StandardCharsets.UTF_8);
        } catch (SecretUnreadable e) {
            throw new SecretUnreadable("the secret of " + context + " does not open: its ciphertext was sealed for another"
                    + " tenant, purpose or field, or was tampered with", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The same secret with its data key wrapped by the current master key; the ciphertext is untouched, so any reader
     * holding either version opens it. Unwrapping checks the context, so a moved row is refused here too.
     */
    Sealed rewrap(Sealed sealed, EncryptionContext context) {
        KeyWrapper current = keys.current();
        if (sealed.keyId().equals(current.keyId())) {
            return sealed;
        }
        byte[] dataKey = keys.forKeyId(sealed.keyId()).unwrap(sealed.wrappedKey(), context);
        try {
            return new Sealed(current.keyId(), current.wrap(dataKey, context), sealed.ciphertext());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** What a UI may show of a secret: its last four characters, and nothing of a secret too short to spare them. */
    static String lastFour(String secret) {
        return secret.length() < 12 ? "****" : secret.substring(secret.length() - 4);
    }
}
