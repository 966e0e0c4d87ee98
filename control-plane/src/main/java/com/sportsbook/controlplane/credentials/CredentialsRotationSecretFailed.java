package com.sportsbook.controlplane.credentials;

import java.util.UUID;

/**
 * One secret a rotation could not re-wrap (its old key is not configured, or it does not open under its tenant's
 * context): it stays as it was. Names the secret by tenant, purpose and field, never its value.
 */
public record CredentialsRotationSecretFailed(UUID rotation, String tenant, String purpose, String field, String keyId,
        String reason) {
}
