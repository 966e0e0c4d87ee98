package com.sportsbook.controlplane.rules;

import com.sportsbook.commons.rules.Rule;
import com.sportsbook.controlplane.templates.JurisdictionPack;
import com.sportsbook.controlplane.templates.TemplateCatalog;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes to a tenant's rules: one compliance officer requests a value for one rule of one adopted jurisdiction, a
 * second, different officer approves it (a new rule version) or rejects it with a reason. A value looser than the
 * pack is refused when requested and again when approved (the pack may have moved in between). Every step is audited.
 */
@Service
class RuleChanges {

    private static final Logger log = LoggerFactory.getLogger(RuleChanges.class);

    /** What a change command came to: done, or refused with a status, a stable code and the field at fault. */
    sealed interface Outcome {
        record Done(RuleStore.ChangeRequest request) implements Outcome {
        }

        record Refused(int status, String code, String detail, String field, Map<String, Object> properties) implements Outcome {
            Refused(int status, String code, String detail, String field) {
                this(status, code, detail, field, Map.of());
            }
        }
    }

    static final String UNKNOWN_TENANT = "unknown_tenant";
    static final String UNKNOWN_JURISDICTION = "unknown_jurisdiction";
    static final String JURISDICTION_NOT_ADOPTED = "jurisdiction_not_adopted";
    static final String UNKNOWN_RULE = "unknown_rule";
    static final String RULE_NOT_OVERRIDABLE = "rule_not_overridable";
    static final String LOOSER_THAN_PACK = "rule_looser_than_pack";
    static final String INVALID_VALUE = "validation_failed";
    static final String CHANGE_NOT_FOUND = "change_request_not_found";
    static final String ALREADY_DECIDED = "change_request_decided";
    static final String FOUR_EYES = "four_eyes_required";

    private final Tenants tenants;
    private final TemplateCatalog templates;
    private final TenantRules rules;
    private final RuleStore store;
    private final JsonMapper json;
    private final Clock clock;

    RuleChanges(Tenants tenants, TemplateCatalog templates, TenantRules rules, RuleStore store, JsonMapper json, Clock clock) {
        this.tenants = tenants;
        this.templates = templates;
        this.rules = rules;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Outcome request(String tenant, String jurisdiction, String ruleKey, Object value, String reason, Actor actor) {
        Optional<TenantView> found = tenants.find(tenant);
        if (found.isEmpty()) {
            return new Outcome.Refused(404, UNKNOWN_TENANT, "No such tenant.", null);
        }
        if (!actor.valid()) {
            return new Outcome.Refused(422, INVALID_VALUE, "The acting officer is missing.", "actor");
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            return new Outcome.Refused(422, INVALID_VALUE, "Give a reason (up to 1000 characters).", "reason");
        }
        Optional<Outcome.Refused> refused = strictEnough(found.get(), jurisdiction, ruleKey, value);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        RuleStore.ChangeRequest request = new RuleStore.ChangeRequest(UUID.randomUUID(), tenant, jurisdiction, ruleKey,
                json.writeValueAsString(value), reason.strip(), "requested", actor.name(), actor.id(), now, null, null, null,
                null, null);
        store.insertRequest(request);
        store.audit(tenant, now, actor, "change_requested", request.id(), jurisdiction, ruleKey,
                "requested " + ruleKey + " = " + request.proposedValueJson() + " for " + jurisdiction + ": " + request.reason());
        log.info("tenant {}: {} requested {} = {} for {}", tenant, actor.name(), ruleKey, request.proposedValueJson(), jurisdiction);
        return new Outcome.Done(request);
    }

    /**
     * Whether a value may become the rule: a known rule a tenant may override, of a jurisdiction the tenant adopted,
     * of the rule's shape, and at least as strict as the pack.
     */
    private Optional<Outcome.Refused> strictEnough(TenantView tenant, String jurisdiction, String ruleKey, Object value) {
        if (jurisdiction == null || templates.jurisdiction(jurisdiction).isEmpty()) {
            return Optional.of(new Outcome.Refused(422, UNKNOWN_JURISDICTION, "No rule pack for jurisdiction " + jurisdiction
                    + "; known: " + templates.jurisdictionCodes() + ".", "jurisdiction"));
        }
        Map<String, TenantRules.Adopted> adopted = rules.adopt(tenant);
        if (!adopted.containsKey(jurisdiction)) {
            return Optional.of(new Outcome.Refused(422, JURISDICTION_NOT_ADOPTED, "The tenant's brands are not licensed in "
                    + jurisdiction + "; adopted: " + adopted.keySet() + ".", "jurisdiction"));
        }
        Optional<Rule<?>> rule = ruleKey == null ? Optional.empty() : Rule.byKey(ruleKey);
        if (rule.isEmpty()) {
            return Optional.of(new Outcome.Refused(422, UNKNOWN_RULE, "No rule " + ruleKey + ".", "rule"));
        }
        if (!rule.get().kind().overridable()) {
            return Optional.of(new Outcome.Refused(422, RULE_NOT_OVERRIDABLE, "The rule " + ruleKey
                    + " is the regulator's alone (" + adopted.get(jurisdiction).pack().source(rule.get()) + ").", "rule"));
        }
        return checkAgainstPack(adopted.get(jurisdiction).pack(), rule.get(), value);
    }

    private static <T> Optional<Outcome.Refused> checkAgainstPack(JurisdictionPack pack, Rule<T> rule, Object value) {
        T candidate;
        try {
            candidate = rule.parse(value);
        } catch (IllegalArgumentException e) {
            return Optional.of(new Outcome.Refused(422, INVALID_VALUE, "The value of " + rule.key() + " must be "
                    + e.getMessage() + ".", "value"));
        }
        T packValue = pack.rules().get(rule);
        if (!rule.kind().atLeastAsStrict(candidate, packValue)) {
            return Optional.of(new Outcome.Refused(422, LOOSER_THAN_PACK, "The rule " + rule.key() + " would be looser than the "
                    + pack.code() + " pack (" + pack.version() + ") says: " + rule.toJson(packValue) + " ("
                    + pack.source(rule) + "). Stricter means " + rule.kind().stricterMeans() + ".", "value",
                    Map.of("rule", rule.key(), "jurisdiction", pack.code(), "packValue", packValue == null ? "null"
                            : String.valueOf(rule.toJson(packValue)))));
        }
        return Optional.empty();
    }

    @Transactional
    public Outcome approve(String tenant, UUID id, Actor actor) {
        Optional<TenantView> found = tenants.find(tenant);
        if (found.isEmpty()) {
            return new Outcome.Refused(404, UNKNOWN_TENANT, "No such tenant.", null);
        }
        if (!actor.valid()) {
            return new Outcome.Refused(422, INVALID_VALUE, "The acting officer is missing.", "actor");
        }
        store.lockTenant(tenant);
        Optional<RuleStore.ChangeRequest> pending = store.requestForUpdate(tenant, id);
        Optional<Outcome.Refused> refused = decidable(pending, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        RuleStore.ChangeRequest request = pending.orElseThrow();
        Object value = json.readValue(request.proposedValueJson(), Object.class);
        refused = strictEnough(found.get(), request.jurisdiction(), request.rule(), value);
        if (refused.isPresent()) {
            return refused.get();
        }
        Instant now = clock.instant();
        int version = store.ruleVersion(tenant) + 1;
        store.insertVersion(tenant, version, request.jurisdiction(), request.rule(), request.proposedValueJson(), id, now);
        store.decide(id, "approved", actor, now, null, version);
        store.audit(tenant, now, actor, "change_approved", id, request.jurisdiction(), request.rule(),
                "approved " + request.rule() + " = " + request.proposedValueJson() + " for " + request.jurisdiction()
                        + " requested by " + request.requestedBy() + ": rule version " + version);
        if (Rule.MINIMUM_AGE.key().equals(request.rule())) {
            tenants.routingChanged();
        }
        log.info("tenant {}: {} approved change {} ({}), rule version {}", tenant, actor.name(), id, request.rule(), version);
        return new Outcome.Done(store.request(tenant, id).orElseThrow());
    }

    @Transactional
    public Outcome reject(String tenant, UUID id, Actor actor, String reason) {
        if (tenants.find(tenant).isEmpty()) {
            return new Outcome.Refused(404, UNKNOWN_TENANT, "No such tenant.", null);
        }
        if (!actor.valid()) {
            return new Outcome.Refused(422, INVALID_VALUE, "The acting officer is missing.", "actor");
        }
        Optional<RuleStore.ChangeRequest> pending = store.requestForUpdate(tenant, id);
        Optional<Outcome.Refused> refused = decidable(pending, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            return new Outcome.Refused(422, INVALID_VALUE, "Give the reason for the rejection (up to 1000 characters).", "reason");
        }
        RuleStore.ChangeRequest request = pending.orElseThrow();
        Instant now = clock.instant();
        store.decide(id, "rejected", actor, now, reason.strip(), null);
        store.audit(tenant, now, actor, "change_rejected", id, request.jurisdiction(), request.rule(),
                "rejected " + request.rule() + " = " + request.proposedValueJson() + " for " + request.jurisdiction()
                        + " requested by " + request.requestedBy() + ": " + reason.strip());
        log.info("tenant {}: {} rejected change {} ({})", tenant, actor.name(), id, request.rule());
        return new Outcome.Done(store.request(tenant, id).orElseThrow());
    }

    private static Optional<Outcome.Refused> decidable(Optional<RuleStore.ChangeRequest> pending, Actor actor) {
        if (pending.isEmpty()) {
            return Optional.of(new Outcome.Refused(404, CHANGE_NOT_FOUND, "No such change request.", null));
        }
        if (!"requested".equals(pending.get().status())) {
            return Optional.of(new Outcome.Refused(409, ALREADY_DECIDED, "The change request was " + pending.get().status()
                    + " already by " + pending.get().decidedBy() + ".", null));
        }
        if (pending.get().requestedById().equals(actor.id())) {
            return Optional.of(new Outcome.Refused(403, FOUR_EYES,
                    "Four eyes: a second compliance officer, not the one who requested the change, must decide it.", null));
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<List<RuleStore.ChangeRequest>> requests(String tenant, Optional<String> status) {
        if (tenants.find(tenant).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.requests(tenant, status));
    }

    @Transactional(readOnly = true)
    public Optional<List<RuleStore.AuditEntry>> auditTrail(String tenant) {
        if (tenants.find(tenant).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.auditTrail(tenant));
    }
}
