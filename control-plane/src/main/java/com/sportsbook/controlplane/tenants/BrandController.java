package com.sportsbook.controlplane.tenants;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A live brand's settings, edited by its operator (or platform admins): name, colours, fonts, logo text, currencies,
 * languages, and the logo image. The runtime reads the logo over {@code /internal}.
 */
@RestController
class BrandController {

    record BrandingBody(Map<String, String> colors, Map<String, String> fonts, String logoText) {
        Branding toBranding() {
            return new Branding(colors, fonts, logoText);
        }
    }

    record BrandChangesBody(String name, BrandingBody branding, String defaultCurrency, List<String> currencies,
            List<String> languages) {
    }

    private final BrandSettings settings;
    private final Tenants tenants;

    BrandController(BrandSettings settings, Tenants tenants) {
        this.settings = settings;
        this.tenants = tenants;
    }

    @PatchMapping("/api/v1/tenants/{slug}/brands/{brand}")
    @Operation(summary = "Edit a brand: name, colours, fonts, logo text, currencies, languages; live within seconds")
    ResponseEntity<?> edit(@PathVariable String slug, @PathVariable String brand, @RequestBody BrandChangesBody body,
            JwtAuthenticationToken token) {
        if (!visible(slug, token)) {
            return unknown(slug, brand);
        }
        BrandChanges changes = new BrandChanges(body.name(), body.branding() == null ? null : body.branding().toBranding(),
                body.defaultCurrency(), body.currencies(), body.languages());
        return respond(settings.update(slug, brand, changes, PlatformActor.of(token)), slug, brand);
    }

    @PutMapping("/api/v1/tenants/{slug}/brands/{brand}/logo")
    @Operation(summary = "Upload the brand's logo: a PNG or JPEG image of at most 256 KiB and 2048 x 2048 pixels")
    ResponseEntity<?> uploadLogo(@PathVariable String slug, @PathVariable String brand, HttpServletRequest request,
            JwtAuthenticationToken token) throws IOException {
        if (!visible(slug, token)) {
            return unknown(slug, brand);
        }
        if (request.getContentLengthLong() > LogoImage.MAX_BYTES) {
            return tooLarge(request.getContentLengthLong());
        }
        byte[] image;
        try (InputStream in = request.getInputStream()) {
            image = in.readNBytes(LogoImage.MAX_BYTES + 1);
        }
        return respond(settings.storeLogo(slug, brand, image, PlatformActor.of(token)), slug, brand);
    }

    @GetMapping("/api/v1/tenants/{slug}/brands/{brand}/logo")
    @Operation(summary = "The brand's logo image")
    ResponseEntity<?> logo(@PathVariable String slug, @PathVariable String brand, JwtAuthenticationToken token) {
        if (!visible(slug, token) || !settings.exists(slug, brand)) {
            return unknown(slug, brand);
        }
        return image(brand);
    }

    @GetMapping("/internal/v1/brands/{brand}/logo")
    @Operation(summary = "Internal: the brand's logo for the runtime, which serves it on the brand's hosts")
    ResponseEntity<?> internalLogo(@PathVariable String brand) {
        return image(brand);
    }

    private ResponseEntity<?> image(String brand) {
        return settings.logo(brand)
                .<ResponseEntity<?>>map(logo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(logo.contentType()))
                        .eTag("\"" + logo.version() + "\"")
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                        .header("X-Content-Type-Options", "nosniff")
                        .body(logo.image()))
                .orElseGet(() -> Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                        "The brand '" + brand + "' has no logo image."));
    }

    private static ResponseEntity<?> respond(BrandSettings.Outcome outcome, String slug, String brand) {
        return switch (outcome) {
            case BrandSettings.Outcome.Done done -> ResponseEntity.ok(done.brand());
            case BrandSettings.Outcome.Unknown unknown -> unknown(slug, brand);
            case BrandSettings.Outcome.Invalid invalid -> Problems.response(Problems.invalid(
                    "The brand cannot be changed as requested.",
                    invalid.errors().stream().map(error -> Map.of("field", error.field(), "message", error.message())).toList()));
            case BrandSettings.Outcome.LogoTooLarge large -> tooLarge(large.bytes());
            case BrandSettings.Outcome.NotAnImage notAnImage -> Problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    BrandCodes.LOGO_NOT_AN_IMAGE, "The logo must be a PNG or JPEG image: " + notAnImage.reason() + ".");
        };
    }

    private static ResponseEntity<?> tooLarge(long bytes) {
        return Problems.response(HttpStatus.CONTENT_TOO_LARGE, BrandCodes.LOGO_TOO_LARGE,
                "The logo is " + (bytes / 1024) + " KiB; at most " + (LogoImage.MAX_BYTES / 1024) + " KiB is accepted.");
    }

    private boolean visible(String slug, JwtAuthenticationToken token) {
        return tenants.find(slug).filter(PlatformCaller.of(token)::canSee).isPresent();
    }

    private static ResponseEntity<?> unknown(String slug, String brand) {
        return Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "There is no brand '" + brand + "' of tenant '" + slug + "'.");
    }
}
