package com.sportsbook.controlplane.credentials;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** The embedded mode's master key: AES-256-GCM, the encryption context as additional authenticated data. */
final class LocalKeyWrapper implements KeyWrapper {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec masterKey;
    private final String keyId;
    private final SecureRandom random = new SecureRandom();

    /** @param masterKeyBase64 32 random bytes, base64 */
    LocalKeyWrapper(String keyId, String masterKeyBase64) {
        if (keyId == null || keyId.isBlank() || keyId.startsWith(KmsKeyWrapper.ID_PREFIX)) {
            throw new IllegalArgumentException("a local master key needs an id of its own (not blank, not starting with '"
                    + KmsKeyWrapper.ID_PREFIX + "')");
        }
        byte[] key = Base64.getDecoder().decode(masterKeyBase64 == null ? "" : masterKeyBase64.trim());
        if (key.length != 32) {
            throw new IllegalArgumentException("the local master key '" + keyId + "' must be 32 bytes (base64), not " + key.length);
        }
        this.keyId = keyId;
        this.masterKey = new SecretKeySpec(key, "AES");
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, EncryptionContext context) {
        return AesGcm.seal(masterKey, dataKey, context.aad(), random);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, EncryptionContext context) {
        try {
            return AesGcm.open(masterKey, wrappedKey, context.aad());
        } catch (SecretUnreadable e) {
            throw new SecretUnreadable("the data key of " + context + " does not open under local master key '" + keyId
                    + "': it was sealed for another tenant, purpose or field, under another key, or was tampered with", e);
        }
    }

    /** AES-GCM with a random IV stored in front of the ciphertext. */
    static final class AesGcm {

        private AesGcm() {
        }

        static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] aad, SecureRandom random) {
            try {
                byte[] iv = new byte[IV_BYTES];
                random.nextBytes(iv);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
                cipher.updateAAD(aad);
                byte[] sealed = cipher.doFinal(plaintext);
                return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("encryption failed", e);
            }
        }

        /** @throws SecretUnreadable when the key, the authenticated data or the bytes are not the sealed ones */
        static byte[] open(SecretKeySpec key, byte[] sealed, byte[] aad) {
            if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
                throw new SecretUnreadable("the sealed value is too short to be AES-GCM output");
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
                cipher.updateAAD(aad);
                return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
            } catch (AEADBadTagException e) {
                throw new SecretUnreadable("decryption failed: wrong key, wrong context or tampered data", e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("decryption failed", e);
            }
        }
    }
}
