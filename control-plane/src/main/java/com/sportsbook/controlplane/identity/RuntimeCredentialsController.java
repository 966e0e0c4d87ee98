package com.sportsbook.controlplane.identity;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runtime's service-account credentials for one tenant's realm, over the internal, service-token-protected API
 * only (the gateway never routes {@code /internal}). The runtime caches them briefly.
 */
@RestController
class RuntimeCredentialsController {

    private final TenantRealms realms;

    RuntimeCredentialsController(TenantRealms realms) {
        this.realms = realms;
    }

    @GetMapping("/internal/tenants/{slug}/identity-client")
    @Operation(summary = "Internal: the runtime's client credentials for the tenant's realm")
    ResponseEntity<?> runtimeCredentials(@PathVariable String slug) {
        return realms.runtimeCredentials(slug)
                .<ResponseEntity<?>>map(credentials -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(credentials))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                        "Tenant '" + slug + "' has no realm with a runtime client."));
    }
}
