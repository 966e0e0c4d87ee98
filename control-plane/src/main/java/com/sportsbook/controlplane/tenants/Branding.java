package com.sportsbook.controlplane.tenants;

import java.util.Map;

/**
 * What an operator chooses of a brand's look over its theme template: colours by role ({@code primary},
 * {@code onPrimary}, {@code secondary}, {@code background}, {@code surface}, {@code text}, {@code mutedText}) as
 * {@code #rrggbb}, fonts by role ({@code body}, {@code heading}) as names from the font catalog, and the logo's text.
 * Any part may be absent: the template's value stays.
 */
public record Branding(Map<String, String> colors, Map<String, String> fonts, String logoText) {

    public Branding {
        colors = colors == null ? Map.of() : Map.copyOf(colors);
        fonts = fonts == null ? Map.of() : Map.copyOf(fonts);
    }
}
