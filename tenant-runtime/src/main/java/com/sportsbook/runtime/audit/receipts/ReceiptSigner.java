package com.sportsbook.runtime.audit.receipts;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import com.sportsbook.runtime.audit.ReceiptKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's Ed25519 receipt key. Built from a PKCS#8 private key (what
 * {@code openssl genpkey -algorithm ed25519} writes, PEM or base64 DER) or from a 32-byte seed; the public key is
 * derived from the private one. The private key never leaves this object: {@link #toString()} says nothing of it.
 */
final class ReceiptSigner {

    static final String ALGORITHM = "Ed25519";

    /**
     * The seed of the dev default, used only when no key is configured (the embedded mode and tests): public, so a
     * receipt signed with it proves nothing. Production sets {@code RECEIPT_SIGNING_KEY}.
     */
    static final String DEV_SEED_PHRASE = "dev-only-receipt-signing-key-not-for-production";

    private final byte[] seed;
    /** RFC 8032's 32-byte public key, so a signature does not derive it from the seed again (half its cost). */
    private final byte[] rawPublicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    private final ReceiptKey publicKey;

    private ReceiptSigner(byte[] seed, KeyPair keys) {
        this.seed = seed.clone();
        Ed25519.generatePublicKey(this.seed, 0, rawPublicKey, 0);
        byte[] encoded = keys.getPublic().getEncoded();
        String base64 = Base64.getEncoder().encodeToString(encoded);
        this.publicKey = new ReceiptKey(ALGORITHM, keyId(encoded), base64, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(encoded)
                + "\n-----END PUBLIC KEY-----\n");
    }

    /** From a configured PKCS#8 private key, PEM or base64 DER. */
    static ReceiptSigner fromPkcs8(String configured) {
        String base64 = configured.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the receipt signing key has no private bytes"));
            return fromSeed(seed);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("the receipt signing key is not an Ed25519 private key in PKCS#8 (PEM or base64 DER)");
        }
    }

    /** The dev default: a key derived from {@link #DEV_SEED_PHRASE}, the same on every replica and every start. */
    static ReceiptSigner devDefault() {
        try {
            return fromSeed(MessageDigest.getInstance("SHA-256").digest(DEV_SEED_PHRASE.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * From a 32-byte Ed25519 private key (RFC 8032's "secret key"). The JDK derives a key pair from the 32 bytes its
     * generator draws from the random source, so a source that yields exactly the seed gives the seed's key pair.
     */
    static ReceiptSigner fromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return new ReceiptSigner(seed, generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The base64 Ed25519 signature over the UTF-8 bytes of {@code text}: RFC 8032 (deterministic, so the same as the
     * JDK's or openssl's), computed with BouncyCastle's implementation, which costs a fraction of the JDK provider's.
     */
    String sign(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, rawPublicKey, 0, message, 0, message.length, signature, 0);
        return Base64.getEncoder().encodeToString(signature);
    }

    ReceiptKey publicKey() {
        return publicKey;
    }

    @Override
    public String toString() {
        return "ReceiptSigner[" + ALGORITHM + ", key " + publicKey.keyId() + "]";
    }

    private static String keyId(byte[] encodedPublicKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encodedPublicKey)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hands out the seed once, as the generator's 32 random bytes. */
    private static final class SeedSource extends SecureRandom {
        private final byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the key generator asked for " + bytes.length + " bytes, not a 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
