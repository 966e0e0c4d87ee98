package com.sportsbook.runtime.tenancy;

/** What migrating one tenant schema did: how many changesets it applied and how long it took. */
public record MigrationOutcome(String tenant, String schema, int changesetsApplied, int changesetsTotal, long millis) {
}
