package com.sportsbook.runtime.compliance.rules;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.rules.JurisdictionRules;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The published API of the tenant's effective jurisdiction rules. Ask for a brand's rules where a rule applies
 * (registration, login, deposit, bet placement, withdrawal): the answer is the strictest over the brand's
 * jurisdictions, with the tenant's approved overrides, as the control plane has them (at most {@code refresh} old,
 * 15 s by default; a change approved through this replica applies here at once).
 *
 * <p>Registration's age check reads the routing directory's brand {@code minimumAge}, which the control plane computes
 * from the same effective rules, so both agree.
 *
 * <p>Fails closed: when the rules cannot be known (the control plane unreachable before a first read, or for longer
 * than {@code max-stale}), every method throws {@link RulesUnavailable}, which the web layer answers with 503
 * {@code rules_unavailable}. Never falls back to the bare packs: they ignore the tenant's stricter rules.
 */
@Component
public class EffectiveRules {

    private final ControlPlaneRules controlPlane;
    private final TenantDirectory directory;

    EffectiveRules(ControlPlaneRules controlPlane, TenantDirectory directory) {
        this.controlPlane = controlPlane;
        this.directory = directory;
    }

    /** The rules the brand must apply: per rule the strictest of its jurisdictions. */
    public BrandRules forBrand(String brand) {
        return controlPlane.brandRules(route(brand).tenant(), brand);
    }

    /** The rules of the brand whose host was called (the bound tenant's brand). */
    public BrandRules forCurrentBrand() {
        String brand = TenantContext.require().brand();
        if (brand == null) {
            throw new IllegalStateException("no brand is bound: background work names the brand it applies rules for");
        }
        return forBrand(brand);
    }

    /**
     * One jurisdiction's effective rules for the brand's tenant (its pack with the tenant's overrides), for the
     * rules that apply per player's jurisdiction rather than per brand: taxes and regulator reports.
     */
    public JurisdictionRules forJurisdiction(String brand, String jurisdiction) {
        return controlPlane.jurisdictionRules(route(brand).tenant(), jurisdiction);
    }

    /**
     * The jurisdictions the bound tenant's brands are licensed in, per brand (in the order the control plane lists
     * them): the tenant's licences, for the regulator reports.
     */
    public Map<String, List<String>> jurisdictionsByBrand() {
        return controlPlane.brandJurisdictions(TenantContext.require().slug().value());
    }

    private BrandRoute route(String brand) {
        return directory.brand(brand).orElseThrow(() -> new RulesUnavailable("no brand " + brand + " in the routing directory"));
    }
}
