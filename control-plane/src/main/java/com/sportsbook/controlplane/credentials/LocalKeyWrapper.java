package com.sportsbook.controlplane.credentials;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The embedded mode's master key: AES-256-GCM, the context as additional authenticated data. */
final class LocalKeyWrapper implements KeyWrapper {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKeyBase64 32 random bytes, base64 */
    LocalKeyWrapper(String keyId, String masterKeyBase64) {
        byte[] key = Base64.getDecoder().decode(masterKeyBase64);
        if (key.length != 32) {
            throw new IllegalArgumentException("the local master key must be 32 bytes (base64), not " + key.length);
        }
        this.keyId = keyId;
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, String context) {
        return AesGcm.seal(masterKey, dataKey, context, random);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, String context) {
        return AesGcm.open(masterKey, wrappedKey, context);
    }

    /** AES-GCM with a random IV stored in front of the ciphertext. */
    static final class AesGcm {

        private AesGcm() {
        }

        static byte[] seal(SecretKeySpec key, byte[] plaintext, String context, SecureRandom random) {
            try {
                byte[] iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                byte[] sealed = cipher.doFinal(plaintext);
                return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        static byte[] open(SecretKeySpec key, byte[] sealed, String context) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
                cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
                return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("decryption failed: wrong key, wrong context or tampered data", e);
            }
        }
    }
}
