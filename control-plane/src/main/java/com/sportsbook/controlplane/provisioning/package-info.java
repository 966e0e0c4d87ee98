/**
 * Provisioning: the resumable, idempotent saga that takes a registered tenant to live (schema, migrations, seed
 * data, host routing, active), with every step's timing and error recorded and visible.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenants")
package com.sportsbook.controlplane.provisioning;
