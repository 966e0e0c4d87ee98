package com.sportsbook.controlplane.provisioning;

import com.sportsbook.controlplane.tenants.PlatformActor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientResponseException;

/**
 * Every tenant's schema as the runtime sees it (reachable, schema version) and the upgrade across all tenant schemas
 * (start it, follow its progress), for the platform console. The runtime owns the schemas; this asks it over
 * {@code /internal}. A runtime that does not answer is a reading, not an error: the console shows it.
 */
@Service
public class TenantSchemas {

    private static final Logger log = LoggerFactory.getLogger(TenantSchemas.class);

    /** The runtime's view of every schema, by tenant; {@code error} says why there is none. */
    public record Health(boolean runtimeReachable, String error, Instant checkedAt, int changesetsExpected,
            Map<String, RuntimeSchemas.SchemaState> byTenant) {
    }

    /**
     * The latest or running upgrade across all tenant schemas.
     *
     * @param current the tenants being migrated at this moment
     */
    public record Progress(boolean runtimeReachable, String error, boolean running, Instant startedAt, Instant finishedAt,
            int total, int done, int succeeded, List<RuntimeSchemas.Failure> failed, List<String> current) {

        static Progress of(RuntimeSchemas.Report report) {
            return new Progress(true, null, report.startedAt() != null && report.finishedAt() == null, report.startedAt(),
                    report.finishedAt(), report.total(), report.done(), report.succeeded().size(), report.failed(),
                    report.current());
        }

        static Progress unreachable(String error) {
            return new Progress(false, error, false, null, null, 0, 0, 0, List.of(), List.of());
        }
    }

    public sealed interface UpgradeStart {
        record Started(Progress progress) implements UpgradeStart {
        }

        record AlreadyRunning(Progress progress) implements UpgradeStart {
        }

        record RuntimeUnreachable(String error) implements UpgradeStart {
        }
    }

    private final TenantRuntimeClient runtime;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TenantSchemas(TenantRuntimeClient runtime, ApplicationEventPublisher events, Clock clock) {
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
    }

    public Health health() {
        try {
            RuntimeSchemas.Health health = runtime.schemaHealth();
            return new Health(true, null, health.checkedAt(), health.changesetsExpected(), health.tenants().stream()
                    .collect(Collectors.toUnmodifiableMap(RuntimeSchemas.SchemaState::tenant, Function.identity(), (a, b) -> a)));
        } catch (RuntimeException e) {
            log.warn("the tenant schemas' health could not be read: {}", e.getMessage());
            return new Health(false, e.getMessage(), clock.instant(), 0, Map.of());
        }
    }

    public Progress progress() {
        try {
            return Progress.of(runtime.migrationReport());
        } catch (RuntimeException e) {
            log.warn("the migration progress could not be read: {}", e.getMessage());
            return Progress.unreachable(e.getMessage());
        }
    }

    /** Starts the upgrade of every live tenant's schema in the runtime's background, unless one is running. */
    public UpgradeStart upgradeAll(PlatformActor actor) {
        try {
            RuntimeSchemas.Report started = runtime.startUpgrade();
            Progress progress = Progress.of(started);
            events.publishEvent(new TenantSchemasUpgradeStarted(started.startedAt() == null ? clock.instant()
                    : started.startedAt(), started.total(), actor));
            log.info("{} started the upgrade of {} tenant schemas", actor.name(), started.total());
            return new UpgradeStart.Started(progress);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof RestClientResponseException refused
                    && refused.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
                return new UpgradeStart.AlreadyRunning(progress());
            }
            return new UpgradeStart.RuntimeUnreachable(e.getMessage());
        } catch (RuntimeException e) {
            return new UpgradeStart.RuntimeUnreachable(e.getMessage());
        }
    }
}
