package com.sportsbook.controlplane.credentials;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.tenants.PlatformCaller;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's PSP and KYC credentials. Operators (their own tenants) and platform admins write them and read back
 * only the last four characters; the runtime reads them in clear over {@code /internal}, never through the gateway.
 */
@RestController
class CredentialsController {

    private final Credentials credentials;
    private final Tenants tenants;

    CredentialsController(Credentials credentials, Tenants tenants) {
        this.credentials = credentials;
        this.tenants = tenants;
    }

    @PutMapping("/api/v1/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "Store a tenant's credentials for a purpose (psp.stripe, kyc.provider); answers them masked")
    ResponseEntity<?> store(@PathVariable String slug, @PathVariable String purpose, @RequestBody Map<String, String> fields,
            JwtAuthenticationToken token) {
        Optional<TenantView> tenant = tenants.find(slug).filter(PlatformCaller.of(token)::canSee);
        if (tenant.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no tenant '" + slug + "'.");
        }
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (known.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There are no credentials of kind '" + purpose + "'.");
        }
        List<Map<String, String>> problems = known.get().problems(fields);
        if (!problems.isEmpty()) {
            return Problems.response(Problems.invalid("The credentials cannot be stored as sent.", problems));
        }
        credentials.store(tenant.get().id(), slug, known.get(), fields, token.getToken().getSubject());
        return ResponseEntity.ok(Map.of("purpose", purpose, "fields", credentials.masked(tenant.get().id(), known.get())));
    }

    @GetMapping("/api/v1/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "A tenant's credentials for a purpose, masked to their last four characters")
    ResponseEntity<?> masked(@PathVariable String slug, @PathVariable String purpose, JwtAuthenticationToken token) {
        Optional<TenantView> tenant = tenants.find(slug).filter(PlatformCaller.of(token)::canSee);
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (tenant.isEmpty() || known.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There are no such credentials.");
        }
        return ResponseEntity.ok(Map.of("purpose", purpose, "fields", credentials.masked(tenant.get().id(), known.get())));
    }

    @GetMapping("/internal/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "Internal: a tenant's credentials in clear, for the runtime")
    ResponseEntity<?> reveal(@PathVariable String slug, @PathVariable String purpose) {
        Optional<TenantView> tenant = tenants.find(slug);
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (tenant.isEmpty() || known.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There are no such credentials.");
        }
        Map<String, String> fields = credentials.reveal(tenant.get().id(), slug, known.get());
        if (fields.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "Tenant '" + slug + "' has no " + purpose + " credentials.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("purpose", purpose, "fields", fields));
    }
}
