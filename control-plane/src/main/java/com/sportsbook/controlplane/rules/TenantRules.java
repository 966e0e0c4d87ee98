package com.sportsbook.controlplane.rules;

import com.sportsbook.commons.rules.JurisdictionRules;
import com.sportsbook.commons.rules.Rule;
import com.sportsbook.controlplane.templates.JurisdictionPack;
import com.sportsbook.controlplane.templates.TemplateCatalog;
import com.sportsbook.controlplane.tenants.BrandView;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules module's API: a tenant's effective jurisdiction rules (each adopted pack with the tenant's approved
 * overrides; a rule's effective value is the stricter of the two, so a later, stricter pack version also wins over an
 * older override), and the effective minimum age the routing directory publishes per brand.
 */
@Service
public class TenantRules {

    private static final Logger log = LoggerFactory.getLogger(TenantRules.class);

    /** One rule of one jurisdiction as the tenant has it. */
    public record RuleView(Object pack, String source, OverrideView override, Object effective, boolean overridable,
            String stricterMeans) {
    }

    public record OverrideView(Object value, int version, String changeRequest, String requestedBy, String approvedBy,
            Instant approvedAt) {
    }

    public record JurisdictionView(String code, String name, String regulator, String currency, String packVersion,
            Instant adoptedAt, Map<String, RuleView> rules) {
    }

    /**
     * @param ruleVersion the tenant's latest rule version (0: the packs as shipped)
     * @param brands      each brand's jurisdictions
     */
    public record EffectiveView(String tenant, int ruleVersion, Map<String, List<String>> brands,
            List<JurisdictionView> jurisdictions) {
    }

    /** The tenant's jurisdiction with its pack, its adoption and its typed effective rules. */
    record Adopted(JurisdictionPack pack, RuleStore.Adoption adoption, JurisdictionRules effective,
            Map<String, RuleStore.Override> overrides) {
    }

    private final Tenants tenants;
    private final TemplateCatalog templates;
    private final RuleStore store;
    private final JsonMapper json;
    private final Clock clock;

    TenantRules(Tenants tenants, TemplateCatalog templates, RuleStore store, JsonMapper json, Clock clock) {
        this.tenants = tenants;
        this.templates = templates;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    /** The tenant's effective rules; adopts (and audits) any jurisdiction of its brands not yet adopted at the shipped version. */
    @Transactional
    public Optional<EffectiveView> effective(String tenant) {
        Optional<TenantView> found = tenants.find(tenant);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Adopted> adopted = adopt(found.get());
        Map<String, List<String>> brands = new LinkedHashMap<>();
        found.get().brands().forEach(brand -> brands.put(brand.slug(), List.copyOf(brand.jurisdictions())));
        List<JurisdictionView> views = new ArrayList<>();
        adopted.values().forEach(jurisdiction -> views.add(view(jurisdiction)));
        return Optional.of(new EffectiveView(tenant, store.ruleVersion(tenant), brands, views));
    }

    /**
     * Makes sure every jurisdiction of the tenant's brands is adopted at the version of the pack shipped now, and
     * answers each with its effective rules. A new pack version is adopted as it ships: a regulator's change is law.
     */
    Map<String, Adopted> adopt(TenantView tenant) {
        Set<String> codes = new LinkedHashSet<>();
        tenant.brands().stream().map(BrandView::jurisdictions).forEach(codes::addAll);
        Map<String, RuleStore.Adoption> adoptions = store.adoptions(tenant.slug());
        Instant now = clock.instant();
        for (String code : codes) {
            JurisdictionPack pack = pack(code);
            RuleStore.Adoption current = adoptions.get(code);
            if ((current == null || !current.packVersion().equals(pack.version()))
                    && store.adopt(tenant.slug(), code, pack.version(), now)) {
                String detail = current == null ? "adopted " + code + " pack " + pack.version()
                        : "adopted " + code + " pack " + pack.version() + " (was " + current.packVersion() + ")";
                store.audit(tenant.slug(), now, Actor.PLATFORM, "pack_adopted", null, code, null, detail);
                log.info("tenant {}: {}", tenant.slug(), detail);
            }
        }
        adoptions = store.adoptions(tenant.slug());
        Map<String, Map<String, RuleStore.Override>> overrides = new LinkedHashMap<>();
        store.overrides(tenant.slug()).forEach(override ->
                overrides.computeIfAbsent(override.jurisdiction(), code -> new LinkedHashMap<>()).put(override.rule(), override));
        Map<String, Adopted> adopted = new LinkedHashMap<>();
        for (String code : codes) {
            JurisdictionPack pack = pack(code);
            Map<String, RuleStore.Override> own = overrides.getOrDefault(code, Map.of());
            adopted.put(code, new Adopted(pack, adoptions.get(code), effective(pack, own), own));
        }
        return adopted;
    }

    /** Each rule: the stricter of the pack and the tenant's override. */
    private JurisdictionRules effective(JurisdictionPack pack, Map<String, RuleStore.Override> overrides) {
        JurisdictionRules rules = pack.rules();
        for (RuleStore.Override override : overrides.values()) {
            Optional<Rule<?>> rule = Rule.byKey(override.rule());
            if (rule.isPresent()) {
                rules = stricter(rules, rule.get(), json.readValue(override.valueJson(), Object.class));
            }
        }
        return rules;
    }

    private static <T> JurisdictionRules stricter(JurisdictionRules rules, Rule<T> rule, Object overrideJson) {
        T override = rule.parse(overrideJson);
        return rules.with(rule, rule.kind().strictest(rules.get(rule), override));
    }

    private JurisdictionView view(Adopted adopted) {
        JurisdictionPack pack = adopted.pack();
        Map<String, RuleView> rules = new LinkedHashMap<>();
        for (Rule<?> rule : Rule.ALL) {
            RuleStore.Override override = adopted.overrides().get(rule.key());
            OverrideView overrideView = override == null ? null : new OverrideView(json.readValue(override.valueJson(), Object.class),
                    override.version(), override.changeRequest().toString(), override.requestedBy(), override.approvedBy(),
                    override.approvedAt());
            rules.put(rule.key(), new RuleView(rule.toJson(pack.rules().get(rule)), pack.source(rule), overrideView,
                    rule.toJson(adopted.effective().get(rule)), rule.kind().overridable(), rule.kind().stricterMeans()));
        }
        return new JurisdictionView(pack.code(), pack.name(), pack.regulator(), pack.currency(), pack.version(),
                adopted.adoption().adoptedAt(), rules);
    }

    /** Every tenant's approved minimum-age overrides, for the routing directory. */
    @Transactional(readOnly = true)
    public MinimumAges minimumAges() {
        Map<String, Map<String, Integer>> overrides = new LinkedHashMap<>();
        store.minimumAgeOverrides().forEach((tenant, byCode) -> {
            Map<String, Integer> ages = new LinkedHashMap<>();
            byCode.forEach((code, value) -> ages.put(code, Rule.MINIMUM_AGE.parse(json.readValue(value, Object.class))));
            overrides.put(tenant, ages);
        });
        return new MinimumAges(templates, overrides);
    }

    /** The effective minimum age of a brand: the highest over its jurisdictions, packs and overrides alike. */
    public static final class MinimumAges {

        private final TemplateCatalog templates;
        private final Map<String, Map<String, Integer>> overrides;

        MinimumAges(TemplateCatalog templates, Map<String, Map<String, Integer>> overrides) {
            this.templates = templates;
            this.overrides = overrides;
        }

        public int of(String tenant, List<String> jurisdictions) {
            return jurisdictions.stream()
                    .mapToInt(code -> Math.max(packOf(templates, code).minimumAge(),
                            overrides.getOrDefault(tenant, Map.of()).getOrDefault(code, 0)))
                    .max()
                    .orElseThrow();
        }
    }

    private JurisdictionPack pack(String code) {
        return packOf(templates, code);
    }

    private static JurisdictionPack packOf(TemplateCatalog templates, String code) {
        return templates.jurisdiction(code).orElseThrow(() -> new IllegalStateException("no rule pack " + code));
    }
}
