package com.sportsbook.controlplane.tenants;

import java.util.List;

/** An edit of a live brand's settings; an absent part stays as it is. */
public record BrandChanges(String name, Branding branding, String defaultCurrency, List<String> currencies,
        List<String> languages) {
}
