package com.sportsbook.runtime.compliance.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The regulator reports (DOMAIN.md "Audit and regulator access"), each with its wire name, its title and its columns
 * in order. A column's JSON name is camelCase; its CSV header is the same name in snake_case.
 */
enum ReportKind {

    WAGERS("wagers", "Wagers placed, voided and pending", List.of("licence", "betId", "playerId", "brand", "placedAt",
            "stake", "currency", "potentialReturn", "state", "status", "settledReturn", "voidReason")),
    VOIDS("voids", "Voids with reason, actor and approver", List.of("licence", "at", "betId", "leg", "reason", "source",
            "obviousError", "actor", "approvedBy", "playerId", "stake", "currency", "detail")),
    LIABILITY("liability", "Outstanding liability of open bets", List.of("licence", "asOf", "scope", "eventId", "event",
            "marketId", "marketType", "line", "currency", "openBets", "stake", "liability")),
    SELF_EXCLUSIONS("self-exclusions", "Self-exclusions taken", List.of("licence", "exclusionId", "playerId", "brand",
            "startsAt", "endsAt", "indefinite", "inForce", "actor")),
    RG_EVENTS("rg-events", "Responsible gambling events", List.of("licence", "at", "event", "playerId", "brand",
            "limitKind", "period", "amountBefore", "amountAfter", "effectiveAt", "actor", "detail")),
    AML_ALERTS("aml-alerts", "AML alerts with their cases", List.of("licence", "raisedAt", "alertId", "playerId", "brand",
            "rule", "amount", "currency", "detail", "caseId", "caseStatus", "owner", "decision", "decidedBy", "decidedAt"));

    private final String wire;
    private final String title;
    private final List<String> columns;

    ReportKind(String wire, String title, List<String> columns) {
        this.wire = wire;
        this.title = title;
        this.columns = columns;
    }

    String wire() {
        return wire;
    }

    String title() {
        return title;
    }

    List<String> columns() {
        return columns;
    }

    List<String> csvHeader() {
        return columns.stream().map(ReportKind::snake).toList();
    }

    static Optional<ReportKind> fromWire(String wire) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(wire)).findFirst();
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
