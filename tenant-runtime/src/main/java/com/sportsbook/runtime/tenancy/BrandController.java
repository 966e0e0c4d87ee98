package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.commons.identity.TenantRealm;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the skin needs to dress itself: the brand called, with its theme, languages and currencies. */
@RestController
class BrandController {

    private final TenantDirectory directory;
    private final BrandLogos logos;
    private final String keycloakUrl;

    BrandController(TenantDirectory directory, BrandLogos logos, @Value("${runtime.identity.keycloak-url}") String keycloakUrl) {
        this.directory = directory;
        this.logos = logos;
        this.keycloakUrl = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
    }

    /** Where the skin signs players in: the tenant realm's issuer and the public client (authorization code + PKCE). */
    record SignIn(String issuer, String clientId) {
    }

    record BrandResponse(String slug, String name, Map<String, Object> theme, String defaultCurrency,
            List<String> currencies, List<String> languages, SignIn signIn) {
    }

    @GetMapping("/api/v1/brand")
    @Operation(summary = "The brand of the called host: name and theme for the skin")
    ResponseEntity<?> brand() {
        String brand = TenantContext.require().brand();
        return directory.brand(brand)
                .<ResponseEntity<?>>map(found -> ResponseEntity.ok(response(found, new SignIn(
                        TenantRealm.issuerOf(java.net.URI.create(keycloakUrl), found.tenant()), TenantRealm.SKIN_CLIENT))))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.UNKNOWN_TENANT,
                        "This brand is not known to the platform."));
    }

    @GetMapping("/api/v1/brand/logo")
    @Operation(summary = "The brand's logo image (PNG or JPEG), as its operator uploaded it")
    ResponseEntity<?> logo(@org.springframework.web.bind.annotation.RequestParam(name = "v", required = false) String version) {
        String brand = TenantContext.require().brand();
        return logos.logo(brand, version)
                .<ResponseEntity<?>>map(logo -> ResponseEntity.ok()
                        .contentType(org.springframework.http.MediaType.parseMediaType(logo.contentType()))
                        .cacheControl(version != null && version.equals(logo.version())
                                ? org.springframework.http.CacheControl.maxAge(java.time.Duration.ofDays(30)).cachePublic().immutable()
                                : org.springframework.http.CacheControl.noCache())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.image()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND, "This brand has no logo image."));
    }

    private static BrandResponse response(BrandRoute brand, SignIn signIn) {
        return new BrandResponse(brand.slug(), brand.name(), brand.theme(), brand.defaultCurrency(), brand.currencies(),
                brand.languages(), signIn);
    }
}
