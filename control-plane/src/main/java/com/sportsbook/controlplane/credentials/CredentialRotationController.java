package com.sportsbook.controlplane.credentials;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.tenants.PlatformActor;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Platform staff rotate the vault's master key: after the new key is configured (a new local key id, or a new KMS key
 * id) and the old one kept as retired, a rotation re-wraps every stored secret under it while reads go on. Platform
 * admins only (the platform's access rules: everything under /api not granted otherwise); the platform audit records
 * each rotation ({@code credentials.rotation_*}).
 */
@RestController
class CredentialRotationController {

    private final CredentialRotations rotations;

    CredentialRotationController(CredentialRotations rotations) {
        this.rotations = rotations;
    }

    @PostMapping("/api/v1/credentials/rotations")
    @Operation(summary = "Start re-wrapping every stored secret under the current master key (202; 409 while one runs)")
    ResponseEntity<?> start(JwtAuthenticationToken token) {
        return switch (rotations.start(PlatformActor.of(token))) {
            case CredentialRotations.Start.Started started -> ResponseEntity.accepted()
                    .location(URI.create("/api/v1/credentials/rotations/" + started.rotation().id()))
                    .body(started.rotation());
            case CredentialRotations.Start.AlreadyRunning running -> {
                ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ErrorCodes.ROTATION_RUNNING,
                        "A rotation is running; follow it at /api/v1/credentials/rotations/" + running.rotation().id() + ".");
                problem.setProperty("rotation", running.rotation().id());
                yield Problems.response(problem);
            }
        };
    }

    @GetMapping("/api/v1/credentials/rotations/{id}")
    @Operation(summary = "A rotation's progress: re-wrapped, replaced meanwhile, failed and still remaining")
    ResponseEntity<?> progress(@PathVariable String id) {
        UUID rotationId;
        try {
            rotationId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no rotation '" + id + "'.");
        }
        return rotations.find(rotationId).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() ->
                Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no rotation '" + id + "'."));
    }

    @GetMapping("/api/v1/credentials/rotations")
    @Operation(summary = "The latest rotations, and how many secrets each master key wraps now")
    Map<String, Object> list() {
        return Map.of("keys", rotations.keys(), "rotations", rotations.latest(20));
    }
}
