package com.sportsbook.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The permission matrix as written in {@code docs/permissions.md}: one table per section, one row per action, one
 * expected outcome per role. The end-to-end test probes every cell, so the document cannot drift from the code.
 */
record PermissionMatrix(List<Table> tables) {

    enum Outcome {
        /** Authorization passes: anything but 401 and 403. */
        ALLOWED,
        FORBIDDEN,
        UNAUTHENTICATED;

        static Outcome parse(String cell) {
            String text = cell.strip();
            if (text.startsWith("✓")) {
                return ALLOWED;
            }
            if (text.startsWith("✗")) {
                return FORBIDDEN;
            }
            if (text.startsWith("401")) {
                return UNAUTHENTICATED;
            }
            throw new IllegalArgumentException("unknown permission cell '" + cell + "'");
        }
    }

    record Row(String action, String endpoint, Map<String, Outcome> byRole) {
    }

    record Table(String section, List<String> roles, List<Row> rows) {
    }

    static PermissionMatrix read(Path file) {
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PermissionMatrix parse(List<String> lines) {
        List<Table> tables = new ArrayList<>();
        String section = null;
        List<String> roles = null;
        List<Row> rows = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip();
                roles = null;
                continue;
            }
            if (!line.startsWith("|")) {
                roles = null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.getFirst().equals("action")) {
                roles = cells.subList(2, cells.size());
                rows = new ArrayList<>();
                tables.add(new Table(section, roles, rows));
            } else if (roles != null && !cells.getFirst().startsWith("---")) {
                Map<String, Outcome> byRole = new LinkedHashMap<>();
                for (int i = 0; i < roles.size(); i++) {
                    byRole.put(roles.get(i), Outcome.parse(cells.get(i + 2)));
                }
                rows.add(new Row(cells.get(0), cells.get(1), byRole));
            }
        }
        return new PermissionMatrix(List.copyOf(tables));
    }

    Table table(String sectionPrefix) {
        return tables.stream().filter(table -> table.section().startsWith(sectionPrefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no permission table under '" + sectionPrefix + "'"));
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
