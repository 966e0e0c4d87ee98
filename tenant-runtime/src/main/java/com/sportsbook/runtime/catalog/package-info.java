/**
 * The sports catalog each tenant offers: sport > category > competition > event > market > selection, with
 * statuses, a version on every change and the full odds history (source and offered price). Feeds are ingested into
 * every tenant offering the sport ({@link com.sportsbook.runtime.catalog.CatalogIngestion}) with the tenant's own
 * margins; players read the tree, event lists and event pages; committed changes are published as
 * {@link com.sportsbook.runtime.catalog.CatalogChange}s for the live push.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"tenancy", "feeds", "feeds :: jsonl", "feeds :: footballdata",
        "feeds :: simulated", "pricing", "audit"})
package com.sportsbook.runtime.catalog;
