package com.sportsbook.controlplane.tenants;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A brand as other modules and the API see it.
 *
 * @param hosts every host reserved for the brand
 * @param routedHosts the hosts the gateway may route (set by provisioning's "hosts routed" step)
 */
public record BrandView(
        UUID id,
        String slug,
        String name,
        List<String> hosts,
        List<String> routedHosts,
        String themeName,
        Map<String, Object> theme,
        String defaultCurrency,
        List<String> currencies,
        List<String> languages,
        List<String> jurisdictions) {
}
