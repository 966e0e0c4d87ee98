package com.sportsbook.runtime.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.TestPools;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The command behind {@code scripts/verify-audit}, run as the script runs it (the runtime's executable jar, the
 * database named by {@code DATABASE_URL}): exit 0 and "intact" on an untouched chain, exit 1 naming the first bad
 * record once one is edited behind the triggers' back, exit 2 for a tenant that has no log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifyAuditCommandIT {

    private final TestDatabase database = TestPostgres.freshDatabase();
    private final BoundTenant tenant = BoundTenant.of("verifycmd");
    private HikariDataSource dataSource;
    private JdbcClient jdbc;

    @BeforeAll
    void aTenantWithASealedLog() {
        TestPools.migrateTenant(database, tenant);
        dataSource = new HikariDataSource(TestPools.boundTo(database, tenant, 2));
        jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        JdbcAuditTrail trail = new JdbcAuditTrail(jdbc, transactions, Clock.systemUTC());
        for (int i = 1; i <= 5; i++) {
            trail.record(AuditEntry.of("test.fact", "s" + i).by("tester").with("n", i));
        }
        AuditSealer sealer = new AuditSealer(new AuditChain(jdbc), transactions, Clock.systemUTC(), 2);
        TenantContext.runAs(tenant, sealer::seal);
        trail.record(AuditEntry.of("test.fact", "late").by("tester"));
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    private record Outcome(int status, String output) {
    }

    /** What {@code scripts/verify-audit <slug>} execs once the jar is built. */
    private Outcome verifyAudit(String slug) throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(file -> file.getFileName().toString().matches("tenant-runtime-.*-exec\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the executable jar is built in the package phase"));
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder command = new ProcessBuilder(List.of(java, "-Dloader.main=" + VerifyAuditCommand.class.getName(), "-cp",
                jar.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher", slug)).redirectErrorStream(true);
        command.environment().put("DATABASE_URL", database.jdbcUrl());
        command.environment().put("DATABASE_USER", database.user());
        command.environment().put("DATABASE_PASSWORD", database.password());
        Process process = command.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Outcome(process.exitValue(), output);
    }

    @Test
    void anUntouchedChainIsReportedIntactAndThenTheFirstEditedRecordIsNamed() throws Exception {
        Outcome intact = verifyAudit("verifycmd");

        assertThat(intact.status()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("tenant verifycmd: audit chain intact, 5 records checked").contains("1 not sealed yet");

        long third = jdbc.sql("SELECT record_id FROM audit_chain_link WHERE seq = 3").query(Long.class).single();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            jdbc.sql("SET LOCAL session_replication_role = replica").update();
            jdbc.sql("UPDATE audit_record SET actor = 'someone else' WHERE id = ?").param(third).update();
        });
        Outcome broken = verifyAudit("verifycmd");

        assertThat(broken.status()).as(broken.output()).isEqualTo(1);
        assertThat(broken.output()).contains("BROKEN at record 3 (id " + third + "): hash_mismatch")
                .contains("(2 records before it hold)");
    }

    @Test
    void aTenantWithoutALogCannotBeChecked() throws Exception {
        Outcome unknown = verifyAudit("nosuchtenant");

        assertThat(unknown.status()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("has no audit log");
    }
}
