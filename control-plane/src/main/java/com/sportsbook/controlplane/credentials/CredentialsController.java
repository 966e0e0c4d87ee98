package com.sportsbook.controlplane.credentials;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.TrustedHeaders;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.PlatformCaller;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant's PSP and KYC credentials. Operators (their own tenants) and platform admins write them and read back
 * only the last four characters; the runtime reads them in clear over {@code /internal} (service token, and the
 * tenant named in {@code X-Internal-Tenant}), never through the gateway.
 */
@RestController
class CredentialsController {

    private static final Logger log = LoggerFactory.getLogger(CredentialsController.class);

    private final Credentials credentials;
    private final Tenants tenants;
    private final ApplicationEventPublisher events;

    CredentialsController(Credentials credentials, Tenants tenants, ApplicationEventPublisher events) {
        this.credentials = credentials;
        this.tenants = tenants;
        this.events = events;
    }

    @PutMapping("/api/v1/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "Store a tenant's credentials for a purpose (psp.stripe, psp.sandbox, kyc.provider), replacing"
            + " the previous ones; answers them masked to their last four characters")
    ResponseEntity<?> store(@PathVariable String slug, @PathVariable String purpose, @RequestBody Map<String, String> fields,
            JwtAuthenticationToken token) {
        Optional<TenantView> tenant = tenants.find(slug).filter(PlatformCaller.of(token)::canSee);
        if (tenant.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no tenant '" + slug + "'.");
        }
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (known.isEmpty()) {
            return unknownPurpose(purpose);
        }
        List<Map<String, String>> problems = known.get().problems(fields);
        if (!problems.isEmpty()) {
            return Problems.response(Problems.invalid("The credentials cannot be stored as sent.", problems));
        }
        credentials.store(tenant.get().id(), slug, known.get(), fields, token.getToken().getSubject());
        Map<String, Credentials.Masked> masked = credentials.masked(tenant.get().id(), known.get());
        events.publishEvent(new CredentialsStored(tenant.get().id(), slug, purpose, masked.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, field -> field.getValue().lastFour())),
                PlatformActor.of(token)));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("purpose", purpose, "fields", masked));
    }

    @GetMapping("/api/v1/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "A tenant's credentials for a purpose, masked to their last four characters")
    ResponseEntity<?> masked(@PathVariable String slug, @PathVariable String purpose, JwtAuthenticationToken token) {
        Optional<TenantView> tenant = tenants.find(slug).filter(PlatformCaller.of(token)::canSee);
        if (tenant.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There is no tenant '" + slug + "'.");
        }
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (known.isEmpty()) {
            return unknownPurpose(purpose);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("purpose", purpose, "fields", credentials.masked(tenant.get().id(), known.get())));
    }

    @GetMapping("/internal/tenants/{slug}/credentials/{purpose}")
    @Operation(summary = "Internal: a tenant's credentials in clear, for the runtime acting for that tenant"
            + " (X-Internal-Token and X-Internal-Tenant)")
    ResponseEntity<?> reveal(@PathVariable String slug, @PathVariable String purpose,
            @RequestHeader(name = TrustedHeaders.INTERNAL_TENANT, required = false) String actingFor) {
        if (actingFor == null || actingFor.isBlank()) {
            return Problems.response(HttpStatus.BAD_REQUEST, ErrorCodes.TENANT_CONTEXT_MISSING,
                    "Name the tenant this call acts for in " + TrustedHeaders.INTERNAL_TENANT + ".");
        }
        if (!actingFor.equals(slug)) {
            log.warn("refused an internal read of tenant {}'s {} credentials by a call acting for tenant {}", slug,
                    purpose, actingFor);
            return Problems.response(HttpStatus.FORBIDDEN, ErrorCodes.TENANT_CONTEXT_INVALID,
                    "A call acting for one tenant cannot read another tenant's credentials.");
        }
        Optional<TenantView> tenant = tenants.find(slug);
        Optional<CredentialPurpose> known = CredentialPurpose.fromWire(purpose);
        if (tenant.isEmpty() || known.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There are no such credentials.");
        }
        Map<String, String> fields;
        try {
            fields = credentials.reveal(tenant.get().id(), slug, known.get());
        } catch (SecretUnreadable e) {
            log.error("tenant {}'s {} credentials cannot be opened: {}", slug, purpose, e.getMessage());
            return Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCodes.CREDENTIALS_UNREADABLE,
                    "Tenant '" + slug + "''s " + purpose + " credentials cannot be decrypted for this tenant: they were"
                            + " not sealed for it (copied from another tenant?) or were tampered with. Store them again.");
        }
        if (fields.isEmpty()) {
            return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "Tenant '" + slug + "' has no " + purpose + " credentials.");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("purpose", purpose, "fields", fields));
    }

    private static ResponseEntity<?> unknownPurpose(String purpose) {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "There are no credentials of kind '"
                + purpose + "'; the kinds are " + String.join(", ", CredentialPurpose.wireNames()) + ".");
    }
}
