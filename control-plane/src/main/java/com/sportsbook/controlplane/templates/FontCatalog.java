package com.sportsbook.controlplane.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The font stacks a brand may choose, by name. Only system fonts: a skin loads no font files from third parties, so
 * a theme cannot be used to make players' browsers call out, and nothing a tenant types ends up in a CSS value.
 */
public final class FontCatalog {

    private static final Map<String, String> STACKS = new LinkedHashMap<>();

    static {
        STACKS.put("system", "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif");
        STACKS.put("humanist", "'Trebuchet MS', 'Lucida Grande', 'Lucida Sans Unicode', Verdana, sans-serif");
        STACKS.put("geometric", "Futura, 'Century Gothic', 'Avenir Next', Avenir, sans-serif");
        STACKS.put("condensed", "'Arial Narrow', 'Roboto Condensed', 'Helvetica Neue Condensed', sans-serif-condensed, sans-serif");
        STACKS.put("serif", "Georgia, 'Times New Roman', serif");
        STACKS.put("slab", "Rockwell, 'Roboto Slab', 'Courier New', serif");
        STACKS.put("mono", "ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace");
    }

    private FontCatalog() {
    }

    public static Map<String, String> stacks() {
        return Map.copyOf(STACKS);
    }

    public static Optional<String> stack(String name) {
        return Optional.ofNullable(STACKS.get(name));
    }

    /** The names in their display order. */
    public static java.util.List<String> names() {
        return java.util.List.copyOf(STACKS.keySet());
    }
}
