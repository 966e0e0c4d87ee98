package com.sportsbook.runtime.audit.log;

import com.sportsbook.commons.TenantSlug;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code scripts/verify-audit <tenant-slug>}: verifies a tenant's audit chain straight in the database, without the
 * runtime, read-only (nothing is sealed or written; records not sealed yet are counted, not checked). Connects with
 * {@code DATABASE_URL} (JDBC form), {@code DATABASE_USER} and {@code DATABASE_PASSWORD}, defaulting to the embedded
 * PostgreSQL of {@code scripts/run}. Exit status 0: intact; 1: a bad record (named on stdout); 2: could not check.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static void main(String[] args) {
        quietLogging();
        if (args.length != 1) {
            System.err.println("usage: verify-audit <tenant-slug>   (DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD name the database)");
            System.exit(2);
        }
        if (!TenantSlug.isValid(args[0])) {
            System.err.println("'" + args[0] + "' is not a tenant slug (lowercase letters, digits and dashes)");
            System.exit(2);
        }
        TenantSlug slug = new TenantSlug(args[0]);
        String url = env("DATABASE_URL", "jdbc:postgresql://localhost:54329/postgres");
        // an empty password set on purpose stays empty (a server that trusts local connections)
        String password = System.getenv("DATABASE_PASSWORD") == null ? "postgres" : System.getenv("DATABASE_PASSWORD");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, env("DATABASE_USER", "postgres"), password,
                true);
        int status;
        try {
            status = run(slug, dataSource);
        } catch (RuntimeException e) {
            System.err.println("could not verify the audit log of tenant " + slug.value() + " at " + url + ": " + e.getMessage());
            status = 2;
        } finally {
            dataSource.destroy();
        }
        System.exit(status);
    }

    private static int run(TenantSlug slug, SingleConnectionDataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        boolean hasLog = jdbc.sql("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'audit_record'")
                .param(slug.schema().name()).query(Long.class).single() > 0;
        if (!hasLog) {
            System.err.println("tenant " + slug.value() + " has no audit log in this database (schema " + slug.schema().name() + ")");
            return 2;
        }
        jdbc.sql("SET search_path TO " + slug.schema().quoted()).update();
        TransactionTemplate snapshot = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        ChainWalk.Result result = snapshot.execute(status -> ChainWalk.verify(new AuditChain(jdbc)));
        System.out.println(report(slug.value(), result));
        return result.intact() ? 0 : 1;
    }

    static String report(String tenant, ChainWalk.Result result) {
        if (result.intact()) {
            return "tenant " + tenant + ": audit chain intact, " + result.recordsChecked() + " records checked (last "
                    + result.lastSeq() + ", hash " + result.lastHash() + "), " + result.unsealed() + " not sealed yet";
        }
        ChainVerifier.Finding bad = result.finding();
        return "tenant " + tenant + ": audit chain BROKEN at record " + bad.seq()
                + Optional.ofNullable(bad.recordId()).map(id -> " (id " + id + ")").orElse("") + ": " + bad.problem() + ": "
                + bad.detail() + " (" + result.recordsChecked() + " records before it hold)";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A command prints its verdict, not the JDBC layer's debug lines (logback's default without a configuration). */
    private static void quietLogging() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
