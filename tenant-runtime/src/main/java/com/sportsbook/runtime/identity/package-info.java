/**
 * Identity in the runtime: who is calling. Accepts a bearer token only from the Keycloak realm of the tenant whose
 * host was called, maps its realm roles, and guards every endpoint by role. Players, sessions and account states
 * come next.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "audit"})
package com.sportsbook.runtime.identity;
