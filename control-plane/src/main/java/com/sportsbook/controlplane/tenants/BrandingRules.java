package com.sportsbook.controlplane.tenants;

import com.sportsbook.controlplane.templates.FontCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link Branding} and lays it over a theme. Colours must be {@code #rrggbb} and fonts names from the
 * catalog, so nothing typed by a tenant reaches a style sheet as free text. Pure.
 */
final class BrandingRules {

    static final Set<String> COLOR_ROLES = Set.of("primary", "onPrimary", "secondary", "background", "surface", "text",
            "mutedText");
    static final Set<String> FONT_ROLES = Set.of("body", "heading");
    private static final Pattern HEX_COLOR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}");
    static final int LOGO_TEXT_MAX = 40;

    private BrandingRules() {
    }

    static void check(Branding branding, String prefix, List<FieldError> errors) {
        if (branding == null) {
            return;
        }
        branding.colors().forEach((role, value) -> {
            if (!COLOR_ROLES.contains(role)) {
                errors.add(new FieldError(prefix + ".colors." + role, "is not a colour role; roles: " + String.join(", ", sorted(COLOR_ROLES))));
            } else if (value == null || !HEX_COLOR.matcher(value).matches()) {
                errors.add(new FieldError(prefix + ".colors." + role, "must be a colour written #rrggbb"));
            }
        });
        branding.fonts().forEach((role, value) -> {
            if (!FONT_ROLES.contains(role)) {
                errors.add(new FieldError(prefix + ".fonts." + role, "is not a font role; roles: body, heading"));
            } else if (value == null || FontCatalog.stack(value).isEmpty()) {
                errors.add(new FieldError(prefix + ".fonts." + role, "must be one of the fonts " + String.join(", ", FontCatalog.names())));
            }
        });
        String logoText = branding.logoText();
        if (logoText != null && (logoText.isBlank() || logoText.length() > LOGO_TEXT_MAX)) {
            errors.add(new FieldError(prefix + ".logoText", "must be 1-" + LOGO_TEXT_MAX + " characters"));
        } else if (logoText != null && CONTROL_CHARACTERS.matcher(logoText).find()) {
            errors.add(new FieldError(prefix + ".logoText", "must not contain control characters"));
        }
    }

    /** The theme with the branding laid over it: a new map, the template's map untouched. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> theme, Branding branding) {
        Map<String, Object> result = new HashMap<>(theme);
        if (branding == null) {
            return result;
        }
        Map<String, Object> colors = new HashMap<>((Map<String, Object>) theme.getOrDefault("colors", Map.of()));
        colors.putAll(branding.colors());
        result.put("colors", colors);
        Map<String, Object> fonts = new HashMap<>((Map<String, Object>) theme.getOrDefault("fonts", Map.of()));
        branding.fonts().forEach((role, name) -> fonts.put(role, FontCatalog.stack(name).orElseThrow()));
        result.put("fonts", fonts);
        if (branding.logoText() != null) {
            Map<String, Object> logo = new HashMap<>((Map<String, Object>) theme.getOrDefault("logo", Map.of()));
            logo.put("text", branding.logoText().strip());
            logo.put("altText", branding.logoText().strip());
            result.put("logo", logo);
        }
        return result;
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
