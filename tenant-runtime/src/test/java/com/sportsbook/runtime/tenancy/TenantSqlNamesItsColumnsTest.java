package com.sportsbook.runtime.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A connection's prepared statements outlive a switch of tenant (ADR 0027), and PostgreSQL refuses to run one whose
 * result columns changed: so the runtime's SQL names the columns it reads, and never depends on what a tenant's table
 * happens to have (as {@code SELECT *} or {@code RETURNING *} would while an upgrade is half-way).
 */
class TenantSqlNamesItsColumnsTest {

    private static final Pattern STAR = Pattern.compile("(?i)\\b(SELECT|RETURNING)\\s+\\*");

    @Test
    void noStatementOfTheRuntimeReadsAllColumnsOfATable() throws IOException {
        List<String> offenders;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            offenders = sources.filter(path -> path.toString().endsWith(".java")).flatMap(path -> {
                try {
                    List<String> lines = Files.readAllLines(path);
                    return java.util.stream.IntStream.range(0, lines.size()).filter(i -> STAR.matcher(lines.get(i)).find())
                            .mapToObj(i -> path + ":" + (i + 1) + ": " + lines.get(i).trim());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).isEmpty();
    }
}
