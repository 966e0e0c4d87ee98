package com.sportsbook.controlplane.credentials;

import java.security.SecureRandom;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.KmsException;

/**
 * A master key in AWS KMS: data keys come from GenerateDataKey, are re-wrapped with Encrypt during a rotation and
 * opened with Decrypt, always naming the key and passing the secret's {@link EncryptionContext} as KMS's
 * EncryptionContext, so KMS itself refuses (InvalidCiphertextException) a data key read for another tenant, purpose
 * or field. The master key never leaves KMS; the data keys exist in clear only in this process's memory.
 */
final class KmsKeyWrapper implements KeyWrapper {

    /** Recorded key ids of KMS keys start with this, so a row names the service that can open it. */
    static final String ID_PREFIX = "kms:";

    private final KmsClient kms;
    private final String kmsKeyId;

    /** @param kmsKeyId the key's ARN (preferred: it names the key for good, where an alias may be moved) or id */
    KmsKeyWrapper(KmsClient kms, String kmsKeyId) {
        if (kmsKeyId == null || kmsKeyId.isBlank()) {
            throw new IllegalArgumentException("a KMS key id is required");
        }
        this.kms = kms;
        this.kmsKeyId = kmsKeyId;
    }

    /** The KMS key a recorded id names, or null when the id is not a KMS key's. */
    static String kmsKeyIdOf(String recordedKeyId) {
        return recordedKeyId != null && recordedKeyId.startsWith(ID_PREFIX) ? recordedKeyId.substring(ID_PREFIX.length()) : null;
    }

    @Override
    public String keyId() {
        return ID_PREFIX + kmsKeyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, EncryptionContext context) {
        try {
            return kms.encrypt(request -> request.keyId(kmsKeyId).plaintext(SdkBytes.fromByteArray(dataKey))
                    .encryptionContext(context.asMap())).ciphertextBlob().asByteArray();
        } catch (KmsException e) {
            throw refused("Encrypt", context, e);
        } catch (SdkException e) {
            throw unreachable("Encrypt", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey, EncryptionContext context) {
        try {
            return kms.decrypt(request -> request.keyId(kmsKeyId).ciphertextBlob(SdkBytes.fromByteArray(wrappedKey))
                    .encryptionContext(context.asMap())).plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new SecretUnreadable("KMS key " + kmsKeyId + " does not open the data key of " + context + " ("
                    + e.awsErrorDetails().errorCode() + "): it was sealed for another tenant, purpose or field, under"
                    + " another key, or was tampered with", e);
        } catch (KmsException e) {
            throw refused("Decrypt", context, e);
        } catch (SdkException e) {
            throw unreachable("Decrypt", e);
        }
    }

    @Override
    public DataKey newDataKey(EncryptionContext context, SecureRandom random) {
        try {
            GenerateDataKeyResponse generated = kms.generateDataKey(request -> request.keyId(kmsKeyId)
                    .keySpec(DataKeySpec.AES_256).encryptionContext(context.asMap()));
            return new DataKey(generated.plaintext().asByteArray(), generated.ciphertextBlob().asByteArray());
        } catch (KmsException e) {
            throw refused("GenerateDataKey", context, e);
        } catch (SdkException e) {
            throw unreachable("GenerateDataKey", e);
        }
    }

    private IllegalStateException refused(String operation, EncryptionContext context, KmsException e) {
        String code = e.awsErrorDetails() == null ? String.valueOf(e.statusCode()) : e.awsErrorDetails().errorCode();
        return new IllegalStateException("KMS refused " + operation + " with key " + kmsKeyId + " for " + context + ": "
                + code, e);
    }

    private IllegalStateException unreachable(String operation, SdkException e) {
        return new IllegalStateException("KMS " + operation + " with key " + kmsKeyId + " failed: " + e.getMessage(), e);
    }
}
