package com.sportsbook.commons.routing;

import java.util.List;
import java.util.Map;

/**
 * A brand as the edge and the runtime need it: which hosts reach it, which tenant it belongs to, and what the skin
 * shows (name, theme, languages, currencies).
 *
 * @param minimumAge the strictest minimum age of the brand's jurisdictions: their rule packs and the tenant's approved
 *     stricter overrides (ADR 0017)
 */
public record BrandRoute(
        String slug,
        String tenant,
        String name,
        List<String> hosts,
        String defaultCurrency,
        List<String> currencies,
        List<String> languages,
        List<String> jurisdictions,
        int minimumAge,
        Map<String, Object> theme) {

    public BrandRoute {
        hosts = List.copyOf(hosts);
        currencies = List.copyOf(currencies);
        languages = List.copyOf(languages);
        jurisdictions = List.copyOf(jurisdictions);
        theme = Map.copyOf(theme);
    }
}
