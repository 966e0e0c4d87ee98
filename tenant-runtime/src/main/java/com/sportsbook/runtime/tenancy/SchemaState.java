package com.sportsbook.runtime.tenancy;

import java.time.Instant;

/**
 * What one tenant schema looks like from the runtime now: whether it can be reached, how many of the tenant
 * changelog's changesets it has applied (its schema version) and which one was applied last.
 *
 * @param reachable the database answered and the schema exists
 * @param upToDate every changeset of the changelog the runtime ships has been applied
 * @param error why it is not reachable, in plain words; null when it is
 */
public record SchemaState(String tenant, String schema, boolean reachable, int changesetsApplied, int changesetsExpected,
        boolean upToDate, LastChangeset lastChangeset, String error, Instant checkedAt, long millis) {

    /** The changeset Liquibase applied last to the schema. */
    public record LastChangeset(String id, String author, String file, Instant executedAt) {
    }
}
