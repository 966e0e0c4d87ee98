/**
 * Operators, tenants and brands: who rents the platform, which schema and cell each tenant lives on, and which
 * hosts, themes, currencies, languages and jurisdictions each brand has. Owns the tenant lifecycle.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "templates")
package com.sportsbook.controlplane.tenants;
