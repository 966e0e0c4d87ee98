/**
 * Prices: decimal odds as a value with a fixed scale, the overround of a book, the margin methods that turn fair
 * probabilities into offered prices (DOMAIN.md, "Margin"), and the display formats. Plain Java, no framework: the
 * catalog and betting modules use it; nothing here knows about tenants or storage.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package com.sportsbook.runtime.pricing;
