package com.sportsbook.controlplane.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretEnvelopeTest {

    private static final String MASTER = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private final SecretEnvelope envelope = new SecretEnvelope(new LocalKeyWrapper("test-1", MASTER));
    private final EncryptionContext context = SecretEnvelope.context("acme", "psp.stripe", "secretKey");

    @Test
    void aSealedSecretOpensUnderItsOwnContextAndHoldsNoPlainText() {
        SecretEnvelope.Sealed sealed = envelope.seal("sk_live_4eC39HqLyjWDarjtT1zdp7dc", context);

        assertThat(envelope.open(sealed, context)).isEqualTo("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk_live");
        assertThat(sealed.keyId()).isEqualTo("test-1");
        assertThat(envelope.seal("sk_live_4eC39HqLyjWDarjtT1zdp7dc", context).ciphertext())
                .as("a fresh data key and IV every time").isNotEqualTo(sealed.ciphertext());
    }

    @Test
    void anotherTenantsContextAnotherMasterKeyOrATamperedCiphertextCannotOpenIt() {
        SecretEnvelope.Sealed sealed = envelope.seal("whsec_abc", context);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[tampered.length - 1] ^= 1;
        String otherMaster = Base64.getEncoder().encodeToString("ffffffffffffffffffffffffffffffff".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> envelope.open(sealed, SecretEnvelope.context("other", "psp.stripe", "secretKey")))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretEnvelope(new LocalKeyWrapper("test-2", otherMaster)).open(sealed, context))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> envelope.open(new SecretEnvelope.Sealed("test-1", sealed.wrappedKey(), tampered), context))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyTheLastFourCharactersAreShown() {
        assertThat(SecretEnvelope.lastFour("sk_live_4eC39HqLyjWDarjtT1zdp7dc")).isEqualTo("p7dc");
        assertThat(SecretEnvelope.lastFour("abc")).isEqualTo("****");
        assertThat(SecretEnvelope.lastFour("acct_1Vault")).as("a short value would give away too much").isEqualTo("****");
    }

    @Test
    void aSecretSealedUnderARetiredKeyStillOpensAndIsRewrappedUnderTheCurrentOne() {
        LocalKeyWrapper retired = new LocalKeyWrapper("test-1", MASTER);
        LocalKeyWrapper current = new LocalKeyWrapper("test-2",
                Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8)));
        SecretEnvelope.Sealed old = envelope.seal("whsec_before_the_rotation", context);
        SecretEnvelope rotated = new SecretEnvelope(new MasterKeys(current, java.util.List.of(retired), null));

        SecretEnvelope.Sealed rewrapped = rotated.rewrap(old, context);

        assertThat(rotated.open(old, context)).isEqualTo("whsec_before_the_rotation");
        assertThat(rewrapped.keyId()).isEqualTo("test-2");
        assertThat(rewrapped.ciphertext()).isEqualTo(old.ciphertext());
        assertThat(rotated.open(rewrapped, context)).isEqualTo("whsec_before_the_rotation");
        assertThatThrownBy(() -> envelope.open(rewrapped, context)).as("the retired key alone cannot open the new wrap")
                .isInstanceOf(SecretUnreadable.class);
        assertThatThrownBy(() -> new SecretEnvelope(current).open(old, context))
                .isInstanceOf(SecretUnreadable.class).hasMessageContaining("'test-1'").hasMessageContaining("not configured");
        assertThatThrownBy(() -> rotated.rewrap(old, SecretEnvelope.context("other", "psp.stripe", "secretKey")))
                .as("a moved row is not re-wrapped into validity").isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void aMasterKeyOfTheWrongSizeIsRefusedAtStart() {
        assertThatThrownBy(() -> new LocalKeyWrapper("x", Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
