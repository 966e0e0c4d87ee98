package com.sportsbook.controlplane.credentials;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.util.UUID;

/** Platform staff started re-wrapping every stored secret under the current master key. */
public record CredentialsRotationStarted(UUID rotation, String targetKeyId, int secrets, PlatformActor actor) {
}
