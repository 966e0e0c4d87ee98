/**
 * The tenant's effective jurisdiction rules in the runtime, the published API other modules build on:
 * {@link com.sportsbook.runtime.compliance.rules.EffectiveRules#forBrand(String)} answers a typed
 * {@link com.sportsbook.runtime.compliance.rules.BrandRules} (the strictest over the brand's jurisdictions, each
 * jurisdiction's pack with the tenant's approved stricter overrides), read from the control plane and kept for a
 * short while per tenant. When the rules cannot be known it fails closed with
 * {@link com.sportsbook.runtime.compliance.rules.RulesUnavailable} (answered 503 {@code rules_unavailable}).
 * Also the back office's rule-change API for compliance officers, relayed to the control plane (ADR 0017).
 */
@org.springframework.modulith.NamedInterface("rules")
package com.sportsbook.runtime.compliance.rules;
