package com.sportsbook.controlplane.tenants;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editing a live brand: name, colours, fonts and logo text, currencies and languages, and its logo image. Every
 * change bumps the routing version, so the gateway and the runtime (which poll the directory every second) show it
 * within seconds, with no restart.
 */
@Service
public class BrandSettings {

    private static final Logger log = LoggerFactory.getLogger(BrandSettings.class);
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };
    /** Where the skin finds the logo: the runtime serves it on the brand's own host. */
    static final String LOGO_PATH = "/api/v1/brand/logo";

    public sealed interface Outcome {
        record Done(BrandView brand) implements Outcome {
        }

        record Unknown() implements Outcome {
        }

        record Invalid(List<FieldError> errors) implements Outcome {
        }

        record LogoTooLarge(int bytes, int limit) implements Outcome {
        }

        record NotAnImage(String reason) implements Outcome {
        }
    }

    public record Logo(String contentType, byte[] image, String version) {
    }

    private final BrandRepository brands;
    private final TenantRepository tenants;
    private final Tenants tenantViews;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BrandSettings(BrandRepository brands, TenantRepository tenants, Tenants tenantViews, JdbcClient jdbc, JsonMapper json,
            Clock clock, ApplicationEventPublisher events) {
        this.brands = brands;
        this.tenants = tenants;
        this.tenantViews = tenantViews;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Outcome update(String tenantSlug, String brandSlug, BrandChanges changes, PlatformActor actor) {
        Optional<Brand> found = brandOf(tenantSlug, brandSlug);
        if (found.isEmpty()) {
            return new Outcome.Unknown();
        }
        Brand brand = found.get();
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null && (changes.name().isBlank() || changes.name().length() > 100)) {
            errors.add(new FieldError("name", "must be 1-100 characters"));
        }
        TenantRegistrationRules.checkBrandName(changes.name(), errors);
        BrandingRules.check(changes.branding(), "branding", errors);
        List<String> currencies = changes.currencies() != null ? changes.currencies() : brand.currencies();
        String defaultCurrency = changes.defaultCurrency() != null ? changes.defaultCurrency()
                : currencies.contains(brand.defaultCurrency()) ? brand.defaultCurrency() : null;
        if (currencies.isEmpty()) {
            errors.add(new FieldError("brand.currencies", "must list at least one currency"));
        }
        TenantRegistrationRules.checkCurrencies(currencies, defaultCurrency, errors);
        if (defaultCurrency == null) {
            errors.add(new FieldError("brand.defaultCurrency", "must be one of the brand's currencies"));
        }
        List<String> languages = changes.languages() != null ? changes.languages() : brand.languages();
        if (languages.isEmpty()) {
            errors.add(new FieldError("brand.languages", "must list at least one language"));
        }
        TenantRegistrationRules.checkLanguages(languages, errors);
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        if (changes.name() != null) {
            brand.rename(changes.name().strip());
        }
        if (changes.branding() != null) {
            brand.restyle(json.writeValueAsString(BrandingRules.apply(theme(brand), changes.branding())));
        }
        brand.offer(defaultCurrency, currencies, languages);
        brands.saveAndFlush(brand);
        tenants.bumpRoutingVersion();
        events.publishEvent(new BrandEdited(brand.tenant().id(), tenantSlug, brandSlug, changed(changes), actor));
        log.info("brand {} of tenant {} edited", brandSlug, tenantSlug);
        return new Outcome.Done(view(tenantSlug, brandSlug));
    }

    @Transactional
    public Outcome storeLogo(String tenantSlug, String brandSlug, byte[] image, PlatformActor actor) {
        Optional<Brand> found = brandOf(tenantSlug, brandSlug);
        if (found.isEmpty()) {
            return new Outcome.Unknown();
        }
        LogoImage.Verdict verdict = LogoImage.check(image);
        if (verdict instanceof LogoImage.Verdict.TooLarge tooLarge) {
            return new Outcome.LogoTooLarge(tooLarge.bytes(), LogoImage.MAX_BYTES);
        }
        if (verdict instanceof LogoImage.Verdict.NotAnImage notAnImage) {
            return new Outcome.NotAnImage(notAnImage.reason());
        }
        LogoImage.Verdict.Accepted accepted = (LogoImage.Verdict.Accepted) verdict;
        Brand brand = found.get();
        String version = sha256(image).substring(0, 16);
        jdbc.sql("""
                INSERT INTO control_plane.brand_logo (brand_id, content_type, image, version, width, height, updated_at)
                VALUES (:brand, :type, :image, :version, :width, :height, :now)
                ON CONFLICT (brand_id) DO UPDATE SET content_type = EXCLUDED.content_type, image = EXCLUDED.image,
                    version = EXCLUDED.version, width = EXCLUDED.width, height = EXCLUDED.height, updated_at = EXCLUDED.updated_at
                """)
                .param("brand", brand.id()).param("type", accepted.contentType()).param("image", image)
                .param("version", version).param("width", accepted.width()).param("height", accepted.height())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        Map<String, Object> theme = theme(brand);
        @SuppressWarnings("unchecked")
        Map<String, Object> logo = new HashMap<>((Map<String, Object>) theme.getOrDefault("logo", Map.of()));
        logo.put("imageUrl", LOGO_PATH + "?v=" + version);
        logo.putIfAbsent("altText", brand.name());
        theme.put("logo", logo);
        brand.restyle(json.writeValueAsString(theme));
        brands.saveAndFlush(brand);
        tenants.bumpRoutingVersion();
        events.publishEvent(new BrandLogoUploaded(brand.tenant().id(), tenantSlug, brandSlug, accepted.contentType(),
                accepted.width(), accepted.height(), image.length, version, actor));
        log.info("brand {} of tenant {} has a new logo ({} x {}, {})", brandSlug, tenantSlug, accepted.width(),
                accepted.height(), accepted.contentType());
        return new Outcome.Done(view(tenantSlug, brandSlug));
    }

    /** A brand's logo by the brand's slug (brand slugs are unique across tenants). */
    @Transactional(readOnly = true)
    public Optional<Logo> logo(String brandSlug) {
        return jdbc.sql("""
                SELECT l.content_type, l.image, l.version FROM control_plane.brand_logo l JOIN control_plane.brand b ON b.id = l.brand_id
                WHERE b.slug = :slug""")
                .param("slug", brandSlug)
                .query((rs, row) -> new Logo(rs.getString(1), rs.getBytes(2), rs.getString(3)))
                .optional();
    }

    /** Whether this brand belongs to this tenant. */
    @Transactional(readOnly = true)
    public boolean exists(String tenantSlug, String brandSlug) {
        return brandOf(tenantSlug, brandSlug).isPresent();
    }

    private Optional<Brand> brandOf(String tenantSlug, String brandSlug) {
        return brands.findBySlug(brandSlug).filter(brand -> brand.tenant().slug().equals(tenantSlug));
    }

    /** What an edit sent, by name, for the audit (the values are in the routing directory). */
    private static List<String> changed(BrandChanges changes) {
        List<String> changed = new ArrayList<>();
        if (changes.name() != null) {
            changed.add("name");
        }
        if (changes.branding() != null) {
            changed.add("branding");
        }
        if (changes.defaultCurrency() != null) {
            changed.add("defaultCurrency");
        }
        if (changes.currencies() != null) {
            changed.add("currencies");
        }
        if (changes.languages() != null) {
            changed.add("languages");
        }
        return changed;
    }

    private Map<String, Object> theme(Brand brand) {
        return new HashMap<>(json.readValue(brand.themeJson(), JSON_OBJECT));
    }

    private BrandView view(String tenantSlug, String brandSlug) {
        return tenantViews.find(tenantSlug).orElseThrow().brands().stream()
                .filter(brand -> brand.slug().equals(brandSlug)).findFirst().orElseThrow();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
