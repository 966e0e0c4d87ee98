package com.sportsbook.controlplane.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The KMS adapter through aws-sdk-java-v2 against {@link LocalKmsPeer}, a local peer answering KMS's JSON protocol
 * and enforcing the encryption context as KMS does; and the SDK reading recorded KMS responses.
 */
class KmsKeyWrapperTest {

    private static final String LOCAL_MASTER = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));

    private final LocalKmsPeer peer = new LocalKmsPeer();
    private final String keyArn = peer.createKey();
    private final KmsClient kms = CredentialsConfiguration.kmsClient(new CredentialsSettings.Kms(keyArn,
            LocalKmsPeer.REGION, peer.endpoint(), "local-access-key", "local-secret-key"));
    private final KmsKeyWrapper wrapper = new KmsKeyWrapper(kms, keyArn);
    private final EncryptionContext acme = new EncryptionContext("acme", "psp.stripe", "secretKey");

    @AfterEach
    void stop() {
        kms.close();
        peer.close();
    }

    @Test
    void aDataKeyComesFromGenerateDataKeyAndOpensWithDecryptUnderTheSameContext() {
        KeyWrapper.DataKey dataKey = wrapper.newDataKey(acme, new SecureRandom());

        byte[] opened = wrapper.unwrap(dataKey.wrapped(), acme);

        assertThat(dataKey.plaintext()).hasSize(32);
        assertThat(opened).isEqualTo(dataKey.plaintext());
        assertThat(new String(dataKey.wrapped(), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(dataKey.plaintext(), StandardCharsets.ISO_8859_1));
        assertThat(wrapper.keyId()).isEqualTo("kms:" + keyArn);
        assertThat(peer.calls).extracting(LocalKmsPeer.Call::target)
                .containsExactly("TrentService.GenerateDataKey", "TrentService.Decrypt");
        assertThat(peer.calls).allSatisfy(call -> {
            assertThat(call.keyId()).isEqualTo(keyArn);
            assertThat(call.encryptionContext()).isEqualTo(Map.of("tenant", "acme", "purpose", "psp.stripe", "field", "secretKey"));
        });
    }

    @Test
    void encryptAndDecryptRoundTripADataKey() {
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);

        byte[] wrapped = wrapper.wrap(dataKey, acme);

        assertThat(wrapper.unwrap(wrapped, acme)).isEqualTo(dataKey);
        assertThat(peer.count("Encrypt")).isEqualTo(1);
    }

    @Test
    void kmsRefusesADataKeyReadForAnotherTenantPurposeOrFieldWithInvalidCiphertext() {
        byte[] wrapped = wrapper.newDataKey(acme, new SecureRandom()).wrapped();

        for (EncryptionContext other : List.of(new EncryptionContext("globex", "psp.stripe", "secretKey"),
                new EncryptionContext("acme", "kyc.provider", "secretKey"),
                new EncryptionContext("acme", "psp.stripe", "webhookSecret"))) {
            assertThatThrownBy(() -> wrapper.unwrap(wrapped, other))
                    .isInstanceOf(SecretUnreadable.class)
                    .hasMessageContaining("InvalidCiphertextException")
                    .hasMessageContaining(other.toString());
        }
        assertThat(peer.calls).filteredOn(call -> call.error() != null).extracting(LocalKmsPeer.Call::error)
                .containsOnly("InvalidCiphertextException").hasSize(3);
    }

    @Test
    void aDataKeyOfAnotherKmsKeyOrATamperedBlobDoesNotOpen() {
        byte[] wrapped = wrapper.newDataKey(acme, new SecureRandom()).wrapped();
        KmsKeyWrapper otherKey = new KmsKeyWrapper(kms, peer.createKey());
        byte[] tampered = wrapped.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> otherKey.unwrap(wrapped, acme)).isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("IncorrectKeyException");
        assertThatThrownBy(() -> wrapper.unwrap(tampered, acme)).isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("InvalidCiphertextException");
    }

    @Test
    void aDisabledKeyIsAnOutageNotAnUnreadableSecret() {
        byte[] wrapped = wrapper.newDataKey(acme, new SecureRandom()).wrapped();
        peer.disable(keyArn);

        assertThatThrownBy(() -> wrapper.unwrap(wrapped, acme))
                .isInstanceOf(IllegalStateException.class).isNotInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("DisabledException");
    }

    @Test
    void aSecretSealedUnderKmsOpensOnlyUnderItsContextAndHoldsNoPlainText() {
        SecretEnvelope envelope = new SecretEnvelope(wrapper);

        SecretEnvelope.Sealed sealed = envelope.seal("sk_live_51KmsSealed0123456789", acme);

        assertThat(sealed.keyId()).isEqualTo("kms:" + keyArn);
        assertThat(envelope.open(sealed, acme)).isEqualTo("sk_live_51KmsSealed0123456789");
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk_live");
        assertThatThrownBy(() -> envelope.open(sealed, new EncryptionContext("globex", "psp.stripe", "secretKey")))
                .isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void aSecretUnderTheLocalKeyIsRewrappedUnderKmsWithItsCiphertextUntouched() {
        LocalKeyWrapper local = new LocalKeyWrapper("local-1", LOCAL_MASTER);
        SecretEnvelope.Sealed underLocal = new SecretEnvelope(local).seal("whsec_rotated_to_kms_0001", acme);
        SecretEnvelope rotated = new SecretEnvelope(new MasterKeys(wrapper, List.of(local), id -> new KmsKeyWrapper(kms, id)));

        SecretEnvelope.Sealed underKms = rotated.rewrap(underLocal, acme);

        assertThat(underKms.keyId()).isEqualTo("kms:" + keyArn);
        assertThat(underKms.ciphertext()).isEqualTo(underLocal.ciphertext());
        assertThat(rotated.open(underKms, acme)).isEqualTo("whsec_rotated_to_kms_0001");
        assertThat(rotated.open(underLocal, acme)).as("the old version still opens while the rotation runs")
                .isEqualTo("whsec_rotated_to_kms_0001");
        assertThat(peer.count("Encrypt")).isEqualTo(1);
    }

    @Test
    void theSdkReadsRecordedKmsResponses() {
        peer.answerNextWith(200, fixture("decrypt-response.json"));
        peer.answerNextWith(200, fixture("generate-data-key-response.json"));
        peer.answerNextWith(400, fixture("invalid-ciphertext-error.json"));

        byte[] opened = wrapper.unwrap(new byte[] {1, 2, 3}, acme);
        KeyWrapper.DataKey generated = wrapper.newDataKey(acme, new SecureRandom());

        assertThat(new String(opened, StandardCharsets.UTF_8)).isEqualTo("This is Day 1 for the Internet\n");
        assertThat(generated.plaintext()).hasSize(32);
        assertThat(generated.wrapped()).isNotEmpty();
        assertThatThrownBy(() -> wrapper.unwrap(new byte[] {1, 2, 3}, acme)).isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void thePeerAnswersWithTheFieldsKmsDocuments() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        String request = fixture("encrypt-request.json").replace("1234abcd-12ab-34cd-56ef-1234567890ab",
                keyArn.substring(keyArn.lastIndexOf('/') + 1));

        HttpResponse<String> encrypted = post("TrentService.Encrypt", request);
        JsonNode encryptAnswer = json.readTree(encrypted.body());
        String decryptRequest = json.writeValueAsString(Map.of("CiphertextBlob", encryptAnswer.get("CiphertextBlob").asString(),
                "KeyId", keyArn, "EncryptionContext", Map.of("tenant", "acme", "purpose", "psp.stripe", "field", "secretKey")));
        HttpResponse<String> decrypted = post("TrentService.Decrypt", decryptRequest);
        HttpResponse<String> wrongContext = post("TrentService.Decrypt", decryptRequest.replace("acme", "globex"));

        assertThat(encrypted.statusCode()).isEqualTo(200);
        assertThat(encrypted.headers().firstValue("Content-Type")).contains(LocalKmsPeer.CONTENT_TYPE);
        assertThat(fieldNames(encryptAnswer)).isEqualTo(fieldNames(json.readTree(fixture("encrypt-response.json"))));
        assertThat(fieldNames(json.readTree(decrypted.body()))).isEqualTo(fieldNames(json.readTree(fixture("decrypt-response.json"))));
        assertThat(json.readTree(decrypted.body()).get("Plaintext").asString())
                .isEqualTo(json.readTree(fixture("encrypt-request.json")).get("Plaintext").asString());
        assertThat(wrongContext.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongContext.body())).isEqualTo(json.readTree(fixture("invalid-ciphertext-error.json")));
    }

    private HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(peer.endpoint().resolve("/"))
                .header("X-Amz-Target", target)
                .header("Content-Type", LocalKmsPeer.CONTENT_TYPE)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAI44QH8DHBEXAMPLE/20260101/"
                        + LocalKmsPeer.REGION + "/kms/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target,"
                        + " Signature=0000")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        names.sort(null);
        return names;
    }

    private static String fixture(String name) {
        try (InputStream in = KmsKeyWrapperTest.class.getResourceAsStream("/kms/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
