/**
 * Jurisdiction rules per tenant: which rule packs each tenant adopted (from its brands' jurisdictions, with the pack
 * version), its overrides (stricter than the pack, never looser, typed per rule), versioned by four-eyes change
 * requests of compliance officers, and an append-only audit of every step. The runtime reads the effective rules and
 * relays officers' requests over the internal API; ADR 0017.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "templates"})
package com.sportsbook.controlplane.rules;
