package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.TenantStatus;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading tenants (an operator sees its own, platform staff all) and the platform admins' suspend and resume.
 * Creating one is provisioning's endpoint.
 */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    private final Tenants tenants;

    TenantController(Tenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "List all tenants with their lifecycle status and brands")
    List<TenantResource> list(JwtAuthenticationToken token) {
        PlatformCaller caller = PlatformCaller.of(token);
        return tenants.list().stream().filter(caller::canSee).map(TenantResource::from).toList();
    }

    @GetMapping("/{slug}")
    @Operation(summary = "Read one tenant")
    ResponseEntity<?> get(@PathVariable String slug, JwtAuthenticationToken token) {
        return tenants.find(slug)
                .filter(PlatformCaller.of(token)::canSee)
                .<ResponseEntity<?>>map(tenant -> ResponseEntity.ok(TenantResource.from(tenant)))
                .orElseGet(() -> unknown(slug));
    }

    @PostMapping("/{slug}/suspension")
    @Operation(summary = "Suspend a tenant: its hosts answer 503 within seconds")
    ResponseEntity<?> suspend(@PathVariable String slug, JwtAuthenticationToken token) {
        return respond(tenants.moveTo(slug, TenantStatus.SUSPENDED, PlatformActor.of(token)));
    }

    @DeleteMapping("/{slug}/suspension")
    @Operation(summary = "Resume a suspended tenant")
    ResponseEntity<?> resume(@PathVariable String slug, JwtAuthenticationToken token) {
        return respond(tenants.moveTo(slug, TenantStatus.ACTIVE, PlatformActor.of(token)));
    }

    private static ResponseEntity<?> respond(TransitionResult result) {
        return switch (result) {
            case TransitionResult.Moved moved -> ResponseEntity.ok(TenantResource.from(moved.tenant()));
            case TransitionResult.UnknownTenant unknown -> unknown(unknown.slug());
            case TransitionResult.NotAllowed notAllowed -> Problems.response(HttpStatus.CONFLICT,
                    ErrorCodes.TENANT_STATE_CONFLICT, "A tenant that is " + notAllowed.from().wireName()
                            + " cannot become " + notAllowed.to().wireName() + ".");
        };
    }

    private static ResponseEntity<?> unknown(String slug) {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no tenant '" + slug + "'.");
    }
}
