package com.sportsbook.controlplane.provisioning;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.PlatformCaller;
import com.sportsbook.controlplane.tenants.RegistrationResult;
import com.sportsbook.controlplane.tenants.TenantResource;
import com.sportsbook.controlplane.tenants.Tenants;
import com.sportsbook.controlplane.tenants.TransitionResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tenants")
class ProvisioningController {

    private final Provisioning provisioning;
    private final Offboarding offboarding;
    private final Tenants tenants;

    ProvisioningController(Provisioning provisioning, Offboarding offboarding, Tenants tenants) {
        this.provisioning = provisioning;
        this.offboarding = offboarding;
        this.tenants = tenants;
    }

    @PostMapping
    @Operation(summary = "Create a tenant with its first brand; answers 202 with the provisioning status resource")
    ResponseEntity<?> create(@Valid @RequestBody CreateTenantRequest request, JwtAuthenticationToken token) {
        RegistrationResult result = provisioning.onboard(request.toRegistration(PlatformCaller.of(token).registeringAccount()),
                PlatformActor.of(token));
        return switch (result) {
            case RegistrationResult.Registered registered -> {
                String slug = registered.tenant().slug();
                yield ResponseEntity.accepted()
                        .location(URI.create("/api/v1/tenants/" + slug + "/provisioning"))
                        .body(provisioning.status(slug).orElseThrow());
            }
            case RegistrationResult.Invalid invalid -> Problems.response(Problems.invalid(
                    "The tenant cannot be created as requested.",
                    invalid.errors().stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList()));
            case RegistrationResult.SlugTaken taken -> Problems.response(HttpStatus.CONFLICT, ErrorCodes.TENANT_SLUG_TAKEN,
                    "The slug '" + taken.slug() + "' is already taken.");
            case RegistrationResult.HostTaken taken -> hostTaken(taken.hosts());
        };
    }

    @GetMapping("/{slug}/provisioning")
    @Operation(summary = "Provisioning status: every step with its timing and error")
    ResponseEntity<?> status(@PathVariable String slug, JwtAuthenticationToken token) {
        if (!visible(slug, token)) {
            return noProvisioning(slug);
        }
        return provisioning.status(slug)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> noProvisioning(slug));
    }

    @PostMapping("/{slug}/provisioning/retry")
    @Operation(summary = "Retry a failed provisioning from its failed step")
    ResponseEntity<?> retry(@PathVariable String slug, JwtAuthenticationToken token) {
        if (!visible(slug, token)) {
            return noProvisioning(slug);
        }
        return switch (provisioning.retry(slug, PlatformActor.of(token))) {
            case Provisioning.RetryResult.Started started -> ResponseEntity.accepted()
                    .location(URI.create("/api/v1/tenants/" + slug + "/provisioning"))
                    .body(started.run());
            case Provisioning.RetryResult.NotFound notFound -> noProvisioning(slug);
            case Provisioning.RetryResult.NotRetryable notRetryable -> Problems.response(HttpStatus.CONFLICT,
                    ErrorCodes.PROVISIONING_NOT_RETRYABLE,
                    "Only a failed provisioning can be retried; this one is " + notRetryable.status() + ".");
        };
    }

    @PostMapping("/{slug}/offboarding")
    @Operation(summary = "Offboard a tenant: its brands close and its realm refuses every sign-in; data is kept")
    ResponseEntity<?> offboard(@PathVariable String slug, JwtAuthenticationToken token) {
        return switch (offboarding.offboard(slug, PlatformActor.of(token))) {
            case TransitionResult.Moved moved -> ResponseEntity.ok(TenantResource.from(moved.tenant()));
            case TransitionResult.UnknownTenant unknown -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "There is no tenant '" + slug + "'.");
            case TransitionResult.NotAllowed notAllowed -> Problems.response(HttpStatus.CONFLICT,
                    ErrorCodes.TENANT_STATE_CONFLICT, "A tenant that is " + notAllowed.from().wireName()
                            + " cannot be offboarded.");
        };
    }

    private boolean visible(String slug, JwtAuthenticationToken token) {
        return tenants.find(slug).filter(PlatformCaller.of(token)::canSee).isPresent();
    }

    private static ResponseEntity<?> noProvisioning(String slug) {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no provisioning for tenant '" + slug + "'.");
    }

    private static ResponseEntity<ProblemDetail> hostTaken(List<String> hosts) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, ErrorCodes.BRAND_HOST_TAKEN,
                "These hosts already belong to another brand: " + String.join(", ", hosts) + ".");
        problem.setProperty("hosts", hosts);
        return Problems.response(problem);
    }
}
