/**
 * The platform audit trail: an append-only record (the database refuses UPDATE, DELETE and TRUNCATE) of every
 * platform action with who did it (the platform-realm account's subject, name and e-mail), when, on which tenant and
 * the details: tenants created, provisioning retried, tenants suspended, resumed and offboarded, brands edited and
 * logos uploaded, credentials stored (purpose and last four characters only) and the vault's master-key rotations,
 * operator signups verified, feature flag changes and upgrades of every tenant schema. The other modules do not know this one: they publish events
 * (records carrying the tenant and the actor) and it listens, in the publisher's transaction where there is one, so
 * an action and its record commit together. Platform staff read it at {@code GET /api/v1/audit}. {@code core} is
 * plain Java (the entry, the query and its validation).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"tenants", "provisioning", "credentials", "signup", "flags"})
package com.sportsbook.controlplane.audit;
