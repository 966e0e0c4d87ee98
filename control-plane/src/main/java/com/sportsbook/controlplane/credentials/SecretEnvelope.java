package com.sportsbook.controlplane.credentials;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption of one secret: a fresh 256-bit data key encrypts it (AES-GCM, the context as authenticated
 * data), and the master key wraps the data key under the same context. Free of Spring.
 */
final class SecretEnvelope {

    record Sealed(String keyId, byte[] wrappedKey, byte[] ciphertext) {
    }

    private final KeyWrapper wrapper;
    private final SecureRandom random = new SecureRandom();

    SecretEnvelope(KeyWrapper wrapper) {
        this.wrapper = wrapper;
    }

    /** The context every secret is bound to: whose it is and what it is for. */
    static String context(String tenant, String purpose, String field) {
        return "tenant=" + tenant + ";purpose=" + purpose + ";field=" + field;
    }

    Sealed seal(String plaintext, String context) {
        byte[] dataKey = new byte[32];
        random.nextBytes(dataKey);
        byte[] ciphertext = LocalKeyWrapper.AesGcm.seal(new SecretKeySpec(dataKey, "AES"),
                plaintext.getBytes(StandardCharsets.UTF_8), context, random);
        return new Sealed(wrapper.keyId(), wrapper.wrap(dataKey, context), ciphertext);
    }

    String open(Sealed sealed, String context) {
        byte[] dataKey = wrapper.unwrap(sealed.wrappedKey(), context);
        return new String(LocalKeyWrapper.AesGcm.open(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), context),
                StandardCharsets.UTF_8);
    }

    /** What a UI may show of a secret: its last four characters. */
    static String lastFour(String secret) {
        return secret.length() <= 4 ? "****" : secret.substring(secret.length() - 4);
    }
}
