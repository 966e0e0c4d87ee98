package com.sportsbook.controlplane.provisioning;

import java.time.Instant;
import java.util.List;

/** The tenant schemas as the runtime reports them over its internal API (the JSON shapes it answers). */
public final class RuntimeSchemas {

    private RuntimeSchemas() {
    }

    /** Every tenant schema the runtime knows of, and how many changesets its shipped tenant changelog has. */
    public record Health(Instant checkedAt, int changesetsExpected, List<SchemaState> tenants) {
        public Health {
            tenants = tenants == null ? List.of() : List.copyOf(tenants);
        }
    }

    /** One tenant schema: reachable, its schema version (changesets applied of those shipped), the last changeset. */
    public record SchemaState(String tenant, String schema, boolean reachable, int changesetsApplied,
            int changesetsExpected, boolean upToDate, Changeset lastChangeset, String error, Instant checkedAt) {
    }

    public record Changeset(String id, String author, String file, Instant executedAt) {
    }

    /** The latest or running upgrade of every tenant schema. */
    public record Report(Instant startedAt, Instant finishedAt, int total, int done, List<Outcome> succeeded,
            List<Failure> failed, List<String> current) {
        public Report {
            succeeded = succeeded == null ? List.of() : List.copyOf(succeeded);
            failed = failed == null ? List.of() : List.copyOf(failed);
            current = current == null ? List.of() : List.copyOf(current);
        }
    }

    public record Outcome(String tenant, String schema, int changesetsApplied, int changesetsTotal, long millis) {
    }

    public record Failure(String tenant, String error) {
    }
}
