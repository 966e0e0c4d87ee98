package com.sportsbook.runtime.features;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link Features} answered by Unleash's SDK. The context carries {@code tenantId} (the stickiness of percentage
 * rollouts), {@code brand} and one {@code jurisdiction}; a brand in several jurisdictions is asked once for each and
 * has the feature only if every answer is yes (the strictest, as with its rules). A flag the SDK does not know yet
 * answers {@link Feature#whenUnknown()}.
 */
final class UnleashFeatures implements Features {

    private final Unleash unleash;
    private final Function<String, List<String>> jurisdictionsOfBrand;

    UnleashFeatures(Unleash unleash, TenantDirectory directory) {
        this(unleash, brand -> directory.brand(brand).map(BrandRoute::jurisdictions).orElse(List.of()));
    }

    UnleashFeatures(Unleash unleash, Function<String, List<String>> jurisdictionsOfBrand) {
        this.unleash = unleash;
        this.jurisdictionsOfBrand = jurisdictionsOfBrand;
    }

    @Override
    public boolean enabled(Feature feature) {
        BoundTenant tenant = TenantContext.require();
        return enabled(feature, tenant.slug().value(), tenant.brand());
    }

    @Override
    public boolean enabled(Feature feature, String tenant, String brand) {
        List<String> jurisdictions = brand == null ? List.of() : jurisdictionsOfBrand.apply(brand);
        if (jurisdictions.isEmpty()) {
            return unleash.isEnabled(feature.key(), context(tenant, brand, null), feature.whenUnknown());
        }
        for (String jurisdiction : jurisdictions) {
            if (!unleash.isEnabled(feature.key(), context(tenant, brand, jurisdiction), feature.whenUnknown())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Map<String, Boolean> forBoundBrand() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        for (Feature feature : Feature.values()) {
            all.put(feature.key(), enabled(feature));
        }
        return all;
    }

    private static UnleashContext context(String tenant, String brand, String jurisdiction) {
        UnleashContext.Builder context = UnleashContext.builder().addProperty("tenantId", tenant);
        if (brand != null) {
            context.addProperty("brand", brand);
        }
        if (jurisdiction != null) {
            context.addProperty("jurisdiction", jurisdiction);
        }
        return context.build();
    }
}
