/**
 * Identity: a Keycloak realm per tenant (clients for the skins and the back office, roles, password and
 * brute-force policies, OTP for staff), and the platform realm for operators and platform staff.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.controlplane.identity;
