package com.sportsbook.runtime.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * How a player (or anyone) checks a bet receipt with the platform's published key, using nothing but the JDK:
 * the Ed25519 signature must verify over the UTF-8 bytes of the receipt's canonical text. Run as a program:
 * <pre>
 * java ReceiptVerification.java receipt.json SIGNATURE_BASE64 PUBLIC_KEY_BASE64
 * </pre>
 * where {@code receipt.json} holds the receipt's canonical text exactly as {@code GET /api/v1/bets/{id}/receipt}
 * returns it in {@code canonical} (no added newline), the signature is that response's {@code signature}, and the key
 * is {@code publicKey} from {@code GET /api/v1/receipts/public-key}. Prints {@code valid} or {@code INVALID}.
 */
public final class ReceiptVerification {

    private ReceiptVerification() {
    }

    /** Whether {@code signatureBase64} is the platform's signature of exactly {@code canonicalReceipt}. */
    public static boolean verify(String canonicalReceipt, String signatureBase64, String publicKeyBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64.strip())));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(canonicalReceipt.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length != 3) {
            System.err.println("usage: java ReceiptVerification.java RECEIPT_FILE SIGNATURE_BASE64 PUBLIC_KEY_BASE64");
            System.exit(2);
        }
        boolean valid = verify(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8), args[1], args[2]);
        System.out.println(valid ? "valid" : "INVALID");
        System.exit(valid ? 0 : 1);
    }
}
