package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pool remembers each connection's search_path and skips setting it when it is already right (ADR 0029), so a
 * path set behind its back would send the next caller to the wrong schema. Only the pool sets it; the schema migrator
 * (on connections from {@link TenantBoundDataSource#ownPaths()}) and the offline audit check (its own connection) are
 * the exceptions.
 */
class SearchPathIsThePoolsTest {

    private static final Pattern SETS_PATH = Pattern.compile("(?i)(\\bSET\\s+(LOCAL\\s+|SESSION\\s+)?search_path|set_config\\(\\s*'search_path')");
    private static final Set<String> ALLOWED = Set.of("TenantBoundDataSource.java", "SchemaPerTenantConnectionProvider.java",
            "TenantSchemaMigrator.java", "VerifyAuditCommand.java");

    @Test
    void noOtherCodeOfTheRuntimeSetsAConnectionsSearchPath() throws IOException {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offenders = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !ALLOWED.contains(path.getFileName().toString()))
                    .flatMap(path -> {
                        try {
                            List<String> lines = Files.readAllLines(path);
                            return IntStream.range(0, lines.size()).filter(i -> SETS_PATH.matcher(lines.get(i)).find())
                                    .mapToObj(i -> path + ":" + (i + 1) + ": " + lines.get(i).trim());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
