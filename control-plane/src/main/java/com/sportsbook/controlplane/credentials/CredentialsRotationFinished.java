package com.sportsbook.controlplane.credentials;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.util.UUID;

/**
 * A rotation ended: {@code completed}, {@code completed_with_failures} (some secrets stay under their old key) or
 * {@code abandoned} (the current key changed before it could resume). The actor is who started it.
 */
public record CredentialsRotationFinished(UUID rotation, String targetKeyId, String outcome, int rewrapped,
        int replacedMeanwhile, int failed, PlatformActor actor) {
}
