package com.sportsbook.runtime.compliance.kyc.core;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client-side envelope encryption of identity documents: each document gets its own random AES-256 data key and
 * is sealed with AES-GCM under it; the data key is stored only wrapped (AES-GCM again) by a master key that lives in
 * configuration or a KMS, never beside the document. The document's ciphertext is bound to its id (GCM associated
 * data), so a ciphertext moved under another document's record does not open either. What is stored in the object
 * store is ciphertext only; the record keeps the master key's id, both IVs, the wrapped key and the SHA-256 of the
 * plaintext, which is checked again after every decryption.
 */
public final class EnvelopeCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A master key: 32 bytes of AES key material and the id recorded with everything it wraps. */
    public record MasterKey(String id, byte[] key) {
        public MasterKey {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("a master key has an id");
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes (AES-256)");
            }
            key = key.clone();
        }
    }

    /** How to open a sealed document again: everything but the master key itself. */
    public record Envelope(String keyId, byte[] iv, byte[] wrappedKey, byte[] wrapIv, String sha256) {
    }

    public record Sealed(byte[] ciphertext, Envelope envelope) {
    }

    public sealed interface Opened {
        record Plain(byte[] content) implements Opened {
        }

        /** The ciphertext, its envelope or the key do not fit together: tampered, swapped, or another key. */
        record Unreadable(String reason) implements Opened {
        }
    }

    private final Map<String, MasterKey> keys;
    private final MasterKey active;
    private final SecureRandom random;

    /** @param keys every master key that may still open documents, by id; {@code activeKeyId} seals new ones */
    public EnvelopeCipher(Map<String, MasterKey> keys, String activeKeyId, SecureRandom random) {
        this.keys = Map.copyOf(keys);
        this.active = Objects.requireNonNull(this.keys.get(activeKeyId), "no master key " + activeKeyId);
        this.random = random;
    }

    public String activeKeyId() {
        return active.id();
    }

    public Sealed seal(String documentId, byte[] plaintext) {
        byte[] dataKey = bytes(KEY_BYTES);
        byte[] iv = bytes(IV_BYTES);
        byte[] wrapIv = bytes(IV_BYTES);
        try {
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, dataKey, iv, documentAad(documentId), plaintext);
            byte[] wrapped = gcm(Cipher.ENCRYPT_MODE, active.key(), wrapIv, wrapAad(documentId, active.id()), dataKey);
            return new Sealed(ciphertext, new Envelope(active.id(), iv, wrapped, wrapIv, sha256(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public Opened open(String documentId, byte[] ciphertext, Envelope envelope) {
        MasterKey master = keys.get(envelope.keyId());
        if (master == null) {
            return new Opened.Unreadable("the master key " + envelope.keyId() + " is not configured");
        }
        byte[] dataKey = null;
        try {
            dataKey = gcm(Cipher.DECRYPT_MODE, master.key(), envelope.wrapIv(), wrapAad(documentId, master.id()),
                    envelope.wrappedKey());
            byte[] plaintext = gcm(Cipher.DECRYPT_MODE, dataKey, envelope.iv(), documentAad(documentId), ciphertext);
            if (!sha256(plaintext).equals(envelope.sha256())) {
                return new Opened.Unreadable("the decrypted document does not match its recorded SHA-256");
            }
            return new Opened.Plain(plaintext);
        } catch (AEADBadTagException e) {
            return new Opened.Unreadable("the ciphertext or its wrapped key failed authentication (tampered, or another key)");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Opened.Unreadable("the envelope is not usable: " + e.getMessage());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] iv, byte[] aad, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(aad);
        return cipher.doFinal(input);
    }

    private static byte[] documentAad(String documentId) {
        return ("kyc-document:" + documentId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wrapAad(String documentId, String keyId) {
        return ("kyc-data-key:" + documentId + ":" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] bytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }
}
