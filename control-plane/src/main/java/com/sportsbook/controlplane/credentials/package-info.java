/**
 * The credentials vault: each tenant's PSP and KYC secrets, envelope-encrypted (a data key per secret, wrapped by a
 * master key, with tenant, purpose and field as encryption context). The master key is a local AES-GCM key in the
 * embedded mode or a key in AWS KMS; a rotation re-wraps every data key under a new one while reads go on (ADR 0023).
 * Operators and platform admins write them and see only their last four characters; the runtime reads them in clear
 * over the internal API only. Stores and rotations are published as events for the platform audit.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenants")
package com.sportsbook.controlplane.credentials;
