package com.sportsbook.runtime.payments.reconciliation;

import java.util.ArrayList;
import java.util.List;

/**
 * A PSP settlement report in the platform's CSV layout, one settled movement per line, amounts in minor units:
 * <pre>reference,type,amount,currency,status,settled_at
 * sbx_pay_1f..,payment,2000,EUR,succeeded,2026-11-26T10:00:00Z</pre>
 * {@code type} is payment, payout or refund. Parsing either yields every line or every problem, with line numbers;
 * a file with problems is refused as a whole.
 */
final class SettlementReport {

    static final String HEADER = "reference,type,amount,currency,status,settled_at";

    record Line(int number, String reference, String type, long amount, String currency, String status) {
    }

    sealed interface Parsed {
        record Lines(List<Line> lines) implements Parsed {
        }

        record Problems(List<String> problems) implements Parsed {
        }
    }

    private SettlementReport() {
    }

    static Parsed parse(String csv) {
        List<String> rows = csv == null ? List.of() : csv.lines().map(String::strip).filter(row -> !row.isEmpty()).toList();
        if (rows.isEmpty() || !rows.getFirst().equalsIgnoreCase(HEADER)) {
            return new Parsed.Problems(List.of("line 1: the header must be exactly '" + HEADER + "'"));
        }
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            int number = i + 1;
            String[] fields = rows.get(i).split(",", -1);
            if (fields.length != 6) {
                problems.add("line " + number + ": expected 6 fields, found " + fields.length);
                continue;
            }
            String type = fields[1].strip();
            if (!List.of("payment", "payout", "refund").contains(type)) {
                problems.add("line " + number + ": type must be payment, payout or refund");
            }
            long amount = 0;
            try {
                amount = Long.parseLong(fields[2].strip());
                if (amount <= 0) {
                    problems.add("line " + number + ": amount must be a positive number of minor units");
                }
            } catch (NumberFormatException e) {
                problems.add("line " + number + ": amount must be a whole number of minor units");
            }
            String currency = fields[3].strip();
            if (!currency.matches("[A-Z]{3}")) {
                problems.add("line " + number + ": currency must be an ISO 4217 code");
            }
            if (fields[0].isBlank()) {
                problems.add("line " + number + ": reference is missing");
            }
            lines.add(new Line(number, fields[0].strip(), type, amount, currency, fields[4].strip()));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add("the report has no lines");
        }
        return problems.isEmpty() ? new Parsed.Lines(List.copyOf(lines)) : new Parsed.Problems(List.copyOf(problems));
    }
}
