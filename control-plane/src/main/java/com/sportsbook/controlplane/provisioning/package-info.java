/**
 * Provisioning: the resumable, idempotent saga that takes a registered tenant to live (schema, migrations,
 * identity realm, seed data, host routing, active), with every step's timing and error recorded and visible.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenants", "identity"})
package com.sportsbook.controlplane.provisioning;
