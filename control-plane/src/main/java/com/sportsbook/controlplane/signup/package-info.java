/**
 * Self-service operator signup: the account in the platform realm (created disabled, enabled when the e-mailed link is
 * followed), the verification mail, and the terms the operator accepted, with their version.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "identity")
package com.sportsbook.controlplane.signup;
