/**
 * The credentials vault: each tenant's PSP and KYC secrets, envelope-encrypted (a data key per secret, wrapped by a
 * master key, with the tenant and purpose as encryption context). Operators and platform admins write them and see
 * only their last four characters; the runtime reads them in clear over the internal API only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "tenants")
package com.sportsbook.controlplane.credentials;
