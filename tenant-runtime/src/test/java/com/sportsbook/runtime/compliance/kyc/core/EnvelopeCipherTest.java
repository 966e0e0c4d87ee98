package com.sportsbook.runtime.compliance.kyc.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeCipherTest {

    private static final byte[] PASSPORT = "%PDF-1.7 passport of Ada Lovelace, no. 123456789".getBytes(StandardCharsets.UTF_8);

    private static EnvelopeCipher.MasterKey key(String id, int fill) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) fill);
        return new EnvelopeCipher.MasterKey(id, bytes);
    }

    private final EnvelopeCipher cipher = new EnvelopeCipher(Map.of("k1", key("k1", 7)), "k1", new SecureRandom());

    @Test
    void aSealedDocumentIsNotItsPlaintextAndOpensBackToTheSameBytes() {
        EnvelopeCipher.Sealed sealed = cipher.seal("doc-1", PASSPORT);

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("passport", "Lovelace", "%PDF");
        assertThat(sealed.ciphertext()).hasSize(PASSPORT.length + 16);
        assertThat(sealed.envelope().keyId()).isEqualTo("k1");
        assertThat(sealed.envelope().iv()).hasSize(12);
        assertThat(sealed.envelope().wrappedKey()).hasSize(32 + 16);
        assertThat(sealed.envelope().sha256()).isEqualTo(EnvelopeCipher.sha256(PASSPORT)).hasSize(64);
        assertThat(cipher.open("doc-1", sealed.ciphertext(), sealed.envelope()))
                .isInstanceOfSatisfying(EnvelopeCipher.Opened.Plain.class, plain -> assertThat(plain.content()).isEqualTo(PASSPORT));
    }

    @Test
    void everyDocumentHasItsOwnDataKeyAndIv() {
        EnvelopeCipher.Sealed first = cipher.seal("doc-1", PASSPORT);
        EnvelopeCipher.Sealed second = cipher.seal("doc-2", PASSPORT);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.envelope().iv()).isNotEqualTo(second.envelope().iv());
        assertThat(first.envelope().wrappedKey()).isNotEqualTo(second.envelope().wrappedKey());
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        EnvelopeCipher.Sealed sealed = cipher.seal("doc-1", PASSPORT);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[3] ^= 0x01;

        assertThat(cipher.open("doc-1", tampered, sealed.envelope())).isInstanceOf(EnvelopeCipher.Opened.Unreadable.class);
    }

    @Test
    void aCiphertextMovedUnderAnotherDocumentsRecordDoesNotOpen() {
        EnvelopeCipher.Sealed sealed = cipher.seal("doc-1", PASSPORT);

        assertThat(cipher.open("doc-2", sealed.ciphertext(), sealed.envelope())).isInstanceOf(EnvelopeCipher.Opened.Unreadable.class);
    }

    @Test
    void withoutTheMasterKeyTheDocumentCannotBeRead() {
        EnvelopeCipher.Sealed sealed = cipher.seal("doc-1", PASSPORT);
        EnvelopeCipher otherKeySameId = new EnvelopeCipher(Map.of("k1", key("k1", 9)), "k1", new SecureRandom());
        EnvelopeCipher noSuchKey = new EnvelopeCipher(Map.of("k2", key("k2", 7)), "k2", new SecureRandom());

        assertThat(otherKeySameId.open("doc-1", sealed.ciphertext(), sealed.envelope()))
                .isInstanceOf(EnvelopeCipher.Opened.Unreadable.class);
        assertThat(noSuchKey.open("doc-1", sealed.ciphertext(), sealed.envelope()))
                .isInstanceOfSatisfying(EnvelopeCipher.Opened.Unreadable.class,
                        unreadable -> assertThat(unreadable.reason()).contains("k1"));
    }

    @Test
    void aRotatedInMasterKeySealsNewDocumentsWhileTheOldOneStillOpensOldOnes() {
        EnvelopeCipher.Sealed old = cipher.seal("doc-1", PASSPORT);
        EnvelopeCipher rotated = new EnvelopeCipher(Map.of("k1", key("k1", 7), "k2", key("k2", 8)), "k2", new SecureRandom());

        assertThat(rotated.seal("doc-2", PASSPORT).envelope().keyId()).isEqualTo("k2");
        assertThat(rotated.open("doc-1", old.ciphertext(), old.envelope())).isInstanceOf(EnvelopeCipher.Opened.Plain.class);
    }
}
