/**
 * Tenancy: which tenant a piece of work belongs to, and the guarantee that it touches that tenant's schema only.
 * Binds the tenant from the gateway's signed headers, routes every Hibernate session to the tenant's schema,
 * creates and migrates tenant schemas, and offers the seeding SPI other modules implement.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.runtime.tenancy;
