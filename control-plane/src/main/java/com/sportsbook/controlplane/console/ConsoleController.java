package com.sportsbook.controlplane.console;

import com.sportsbook.commons.web.Problems;
import com.sportsbook.controlplane.provisioning.Provisioning;
import com.sportsbook.controlplane.provisioning.ProvisioningResource;
import com.sportsbook.controlplane.provisioning.RuntimeSchemas;
import com.sportsbook.controlplane.provisioning.TenantSchemas;
import com.sportsbook.controlplane.tenants.PlatformActor;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the platform console shows of every tenant, and the upgrade across all tenant schemas. Platform staff only. */
@RestController
class ConsoleController {

    static final String RUNTIME_UNREACHABLE = "runtime_unreachable";
    static final String MIGRATION_RUNNING = "migration_running";

    record Overview(Runtime runtime, List<TenantRow> tenants) {
    }

    /** Whether the runtime answered, and how many changesets the tenant changelog it ships has. */
    record Runtime(boolean reachable, String error, Instant checkedAt, int changesetsExpected) {
    }

    record TenantRow(String slug, String operator, String status, Instant createdAt, Instant updatedAt, List<Brand> brands,
            Provisioning provisioning, Health health) {

        record Brand(String slug, String name, List<String> hosts) {
        }

        record Provisioning(String status, String currentStep, String failedStep, String error, int stepsDone, int stepsTotal) {
        }

        /**
         * @param state {@code healthy} (reachable, every changeset applied), {@code behind} (reachable, changesets to
         *     apply), {@code unreachable}, or {@code unknown} (the runtime did not answer or does not know the tenant yet)
         * @param schemaVersion changesets applied of those the runtime ships, as {@code 87/87}
         */
        record Health(String state, boolean reachable, String schema, String schemaVersion, int changesetsApplied,
                int changesetsExpected, RuntimeSchemas.Changeset lastChangeset, String error) {
        }
    }

    private final Tenants tenants;
    private final Provisioning provisioning;
    private final TenantSchemas schemas;

    ConsoleController(Tenants tenants, Provisioning provisioning, TenantSchemas schemas) {
        this.tenants = tenants;
        this.provisioning = provisioning;
        this.schemas = schemas;
    }

    @GetMapping("/api/v1/platform/tenants")
    @Operation(summary = "Every tenant with its status, provisioning state, and its schema's health and version as the"
            + " runtime sees them")
    Overview tenants() {
        TenantSchemas.Health health = schemas.health();
        List<TenantRow> rows = tenants.list().stream()
                .sorted(java.util.Comparator.comparing(TenantView::slug))
                .map(tenant -> row(tenant, health))
                .toList();
        return new Overview(new Runtime(health.runtimeReachable(), health.error(), health.checkedAt(),
                health.changesetsExpected()), rows);
    }

    @GetMapping("/api/v1/platform/migrations")
    @Operation(summary = "Progress of the latest (or running) upgrade of every tenant schema: total, done, failed, current")
    TenantSchemas.Progress migrations() {
        return schemas.progress();
    }

    @PostMapping("/api/v1/platform/migrations")
    @Operation(summary = "Upgrade every live tenant's schema to the runtime's changelog now, in the background; 202 with"
            + " the progress to poll, 409 while an upgrade runs")
    ResponseEntity<?> upgrade(JwtAuthenticationToken token) {
        return switch (schemas.upgradeAll(PlatformActor.of(token))) {
            case TenantSchemas.UpgradeStart.Started started -> ResponseEntity.accepted()
                    .location(java.net.URI.create("/api/v1/platform/migrations")).body(started.progress());
            case TenantSchemas.UpgradeStart.AlreadyRunning running -> {
                ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, MIGRATION_RUNNING,
                        "An upgrade of every tenant schema is running; follow it, then start another if needed.");
                problem.setProperty("progress", running.progress());
                yield Problems.response(problem);
            }
            case TenantSchemas.UpgradeStart.RuntimeUnreachable unreachable -> Problems.response(
                    HttpStatus.SERVICE_UNAVAILABLE, RUNTIME_UNREACHABLE, unreachable.error());
        };
    }

    private TenantRow row(TenantView tenant, TenantSchemas.Health health) {
        List<TenantRow.Brand> brands = tenant.brands().stream()
                .map(brand -> new TenantRow.Brand(brand.slug(), brand.name(), brand.hosts())).toList();
        TenantRow.Provisioning run = provisioning.status(tenant.slug()).map(ConsoleController::provisioning).orElse(null);
        return new TenantRow(tenant.slug(), tenant.operatorName(), tenant.status().wireName(), tenant.createdAt(),
                tenant.updatedAt(), brands, run, health(tenant, health));
    }

    private static TenantRow.Provisioning provisioning(ProvisioningResource run) {
        return new TenantRow.Provisioning(run.status(), run.currentStep(), run.failedStep(), run.error(), run.stepsDone(),
                run.stepsTotal());
    }

    private static TenantRow.Health health(TenantView tenant, TenantSchemas.Health health) {
        RuntimeSchemas.SchemaState state = health.byTenant().get(tenant.slug());
        if (state == null) {
            String why = health.runtimeReachable() ? "The runtime does not know this tenant yet." : health.error();
            return new TenantRow.Health("unknown", false, tenant.schema(), null, 0, health.changesetsExpected(), null, why);
        }
        String verdict = !state.reachable() ? "unreachable" : state.upToDate() ? "healthy" : "behind";
        return new TenantRow.Health(verdict, state.reachable(), state.schema(),
                state.reachable() ? state.changesetsApplied() + "/" + state.changesetsExpected() : null,
                state.changesetsApplied(), state.changesetsExpected(), state.lastChangeset(), state.error());
    }
}
