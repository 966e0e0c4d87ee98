package com.sportsbook.runtime.tenancy;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal API the control plane's provisioning calls: create, migrate and seed one tenant's schema, and run or
 * read the upgrade across all tenants. Every call is idempotent. The platform console reads each schema's state
 * (reachable, schema version) here too.
 */
@RestController
@RequestMapping("/internal/v1")
class TenantProvisioningController implements DisposableBean {

    private final TenantSchemaMigrator migrator;
    private final TenantSchemaUpgrade upgrade;
    private final TenantSeeding seeding;
    private final TenantDirectory directory;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    TenantProvisioningController(TenantSchemaMigrator migrator, TenantSchemaUpgrade upgrade, TenantSeeding seeding,
            TenantDirectory directory) {
        this.migrator = migrator;
        this.upgrade = upgrade;
        this.seeding = seeding;
        this.directory = directory;
    }

    record SeedRequest(@NotNull @Valid List<Brand> brands) {
        record Brand(@NotBlank String slug, @NotBlank String name, @NotBlank String defaultCurrency) {
        }
    }

    @PutMapping("/tenants/{tenant}/schema")
    @Operation(summary = "Create the tenant's schema (internal, idempotent)")
    ResponseEntity<?> createSchema(@PathVariable String tenant) {
        return withSlug(tenant, slug -> {
            migrator.createSchema(slug);
            return ResponseEntity.ok(Map.of("tenant", slug.value(), "schema", slug.schema().name()));
        });
    }

    /** Every tenant schema's state, for the platform console. */
    record Schemas(java.time.Instant checkedAt, int changesetsExpected, List<SchemaState> tenants) {
    }

    @GetMapping("/schemas")
    @Operation(summary = "Every tenant's schema: reachable, changesets applied of those shipped, the last one (internal)")
    Schemas schemas() {
        List<SchemaState> states = directory.tenants().stream()
                .map(route -> TenantSlug.parse(route.slug()))
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(TenantSlug::value))
                .map(migrator::inspect)
                .toList();
        return new Schemas(java.time.Instant.now(), migrator.changesetsInChangelog(), states);
    }

    @GetMapping("/tenants/{tenant}/schema")
    @Operation(summary = "One tenant's schema: reachable, changesets applied of those shipped, the last one (internal)")
    ResponseEntity<?> schema(@PathVariable String tenant) {
        return withSlug(tenant, slug -> ResponseEntity.ok(migrator.inspect(slug)));
    }

    @PostMapping("/tenants/{tenant}/migrations")
    @Operation(summary = "Apply the tenant changelog to the tenant's schema (internal, idempotent)")
    ResponseEntity<?> migrate(@PathVariable String tenant) {
        return withSlug(tenant, slug -> ResponseEntity.ok(migrator.migrate(slug)));
    }

    @PostMapping("/tenants/{tenant}/seed")
    @Operation(summary = "Seed the tenant's starting data (internal, idempotent)")
    ResponseEntity<?> seed(@PathVariable String tenant, @Valid @RequestBody SeedRequest request) {
        return withSlug(tenant, slug -> {
            seeding.seed(new TenantSeeder.TenantSeed(slug.value(), request.brands().stream()
                    .map(brand -> new TenantSeeder.BrandSeed(brand.slug(), brand.name(), brand.defaultCurrency()))
                    .toList()));
            return ResponseEntity.ok(Map.of("tenant", slug.value(), "seeded", true));
        });
    }

    @GetMapping("/migrations")
    @Operation(summary = "Progress and result of the latest upgrade across all tenant schemas")
    TenantSchemaUpgrade.Report migrations() {
        return upgrade.lastReport();
    }

    @PostMapping("/migrations")
    @Operation(summary = "Upgrade every tenant schema now, in the background; 409 with the running upgrade's progress"
            + " while one runs")
    ResponseEntity<TenantSchemaUpgrade.Report> migrateAll() {
        directory.refresh();
        return upgrade.startUpgradeAll(directory.tenants(), background)
                .map(started -> ResponseEntity.accepted().body(started))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(upgrade.lastReport()));
    }

    private static ResponseEntity<?> withSlug(String tenant, java.util.function.Function<TenantSlug, ResponseEntity<?>> work) {
        Optional<TenantSlug> slug = TenantSlug.parse(tenant);
        if (slug.isEmpty()) {
            return Problems.response(HttpStatus.BAD_REQUEST, ErrorCodes.MALFORMED_REQUEST, "Not a valid tenant slug.");
        }
        return work.apply(slug.get());
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
