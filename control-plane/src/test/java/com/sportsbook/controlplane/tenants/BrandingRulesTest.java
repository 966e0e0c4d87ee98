package com.sportsbook.controlplane.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandingRulesTest {

    private static List<String> fields(Branding branding) {
        List<FieldError> errors = new ArrayList<>();
        BrandingRules.check(branding, "brand.branding", errors);
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void hexColoursByKnownRoleCatalogFontsAndShortLogoTextPass() {
        assertThat(fields(new Branding(Map.of("primary", "#0a7a3b", "onPrimary", "#FFFFFF"),
                Map.of("body", "humanist", "heading", "serif"), "Acme"))).isEmpty();
    }

    @Test
    void freeTextThatWouldReachAStyleSheetIsRefused() {
        assertThat(fields(new Branding(Map.of("primary", "red;background:url(//evil)", "border", "#000000"),
                Map.of("body", "Comic Sans'; } body { display:none"), "x".repeat(41))))
                .containsExactlyInAnyOrder("brand.branding.colors.primary", "brand.branding.colors.border",
                        "brand.branding.fonts.body", "brand.branding.logoText");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBrandingIsLaidOverTheTemplateWithoutChangingIt() {
        Map<String, Object> template = Map.of("name", "demo", "colors", Map.of("primary", "#111111", "text", "#222222"),
                "fonts", Map.of("body", "Arial"), "logo", Map.of("text", "DEMO"));

        Map<String, Object> theme = BrandingRules.apply(template, new Branding(Map.of("primary", "#abcdef"),
                Map.of("heading", "serif"), "<b>Acme</b>"));

        assertThat((Map<String, Object>) theme.get("colors")).containsEntry("primary", "#abcdef").containsEntry("text", "#222222");
        assertThat((Map<String, Object>) theme.get("fonts")).containsEntry("body", "Arial")
                .containsEntry("heading", "Georgia, 'Times New Roman', serif");
        assertThat((Map<String, Object>) theme.get("logo")).containsEntry("text", "<b>Acme</b>");
        assertThat((Map<String, Object>) template.get("colors")).containsEntry("primary", "#111111");
    }
}
