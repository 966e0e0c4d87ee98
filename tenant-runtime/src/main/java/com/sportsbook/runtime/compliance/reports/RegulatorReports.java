package com.sportsbook.runtime.compliance.reports;

import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.compliance.aml.AmlCases;
import com.sportsbook.runtime.compliance.responsible.ResponsibleGamblingRecords;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.settlement.voids.Voids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * The regulator reports of the bound tenant, one licence and one period at a time (ADR 0021). Bets come from
 * betting's records, voids from settlement's, the rest from compliance's own; each row is kept when its player falls
 * under the licence. Runs in the caller's transaction; writes nothing (the controller audits the export).
 */
final class RegulatorReports {

    /** More rows than this in the period (before the licence is applied) are refused: ask for a shorter period. */
    static final int MAX_ROWS = 100_000;

    /** The rows of one report, or too many to answer. */
    sealed interface Outcome {
        record Rows(Instant generatedAt, List<Map<String, Object>> rows) implements Outcome {
        }

        record TooLarge(int limit) implements Outcome {
        }
    }

    private static final Set<String> RUNNING = Set.of("accepted", "open", "partially_cashed_out");

    private final BetRecords bets;
    private final Voids voids;
    private final ResponsibleGamblingRecords responsible;
    private final AmlCases aml;
    private final Players players;
    private final EffectiveRules rules;
    private final Clock clock;

    RegulatorReports(BetRecords bets, Voids voids, ResponsibleGamblingRecords responsible, AmlCases aml, Players players,
            EffectiveRules rules, Clock clock) {
        this.bets = bets;
        this.voids = voids;
        this.responsible = responsible;
        this.aml = aml;
        this.players = players;
        this.rules = rules;
        this.clock = clock;
    }

    Licences licences() {
        return Licences.of(rules);
    }

    /** The report's rows for the licence (one of {@code licences}) over the window. */
    Outcome generate(ReportKind kind, Licences licences, String licence, ReportWindow window) {
        Instant now = clock.instant();
        return switch (kind) {
            case WAGERS -> wagers(licences, licence, window, now);
            case VOIDS -> voids(licences, licence, window, now);
            case LIABILITY -> liability(licences, licence, window, now);
            case SELF_EXCLUSIONS -> selfExclusions(licences, licence, window, now);
            case RG_EVENTS -> rgEvents(licences, licence, window, now);
            case AML_ALERTS -> amlAlerts(licences, licence, window, now);
        };
    }

    private Outcome wagers(Licences licences, String licence, ReportWindow window, Instant now) {
        List<BetRecords.Wager> placed = bets.placedBetween(window.start(), window.end(), MAX_ROWS + 1);
        if (placed.size() > MAX_ROWS) {
            return new Outcome.TooLarge(MAX_ROWS);
        }
        Map<UUID, PlayerView> owners = players.byIds(ids(placed, BetRecords.Wager::playerId));
        List<BetRecords.Wager> kept = placed.stream()
                .filter(bet -> licence.equals(licenceOf(licences, owners.get(bet.playerId()), bet.brand()))).toList();
        Map<UUID, Voids.BetVoid> manual = voids.applied(kept.stream().map(BetRecords.Wager::id).toList());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BetRecords.Wager bet : kept) {
            Voids.BetVoid voided = manual.get(bet.id());
            rows.add(row(ReportKind.WAGERS, licence, bet.id(), bet.playerId(), bet.brand(), bet.placedAt(), bet.totalStake(),
                    bet.currency(), bet.potentialReturn(), state(bet, voided), bet.status(), bet.settledReturn(),
                    voidReason(bet, voided)));
        }
        return new Outcome.Rows(now, rows);
    }

    /** Open (running), pending (in its in-play delay), voided (every leg void, by hand or by rule) or settled. */
    private static String state(BetRecords.Wager bet, Voids.BetVoid manualVoid) {
        if ("pending".equals(bet.status())) {
            return "pending";
        }
        if (RUNNING.contains(bet.status())) {
            return "open";
        }
        boolean everyLegVoid = !bet.legOutcomes().isEmpty() && bet.legOutcomes().stream().allMatch("void"::equals);
        if (manualVoid != null || "void".equals(bet.status()) || ("resettled".equals(bet.status()) && everyLegVoid)) {
            return "voided";
        }
        return "settled";
    }

    /** A manual void's reason, else the rules that voided legs ({@code past_post}, {@code cancelled} ...), else none. */
    private static String voidReason(BetRecords.Wager bet, Voids.BetVoid manualVoid) {
        if (manualVoid != null) {
            return manualVoid.reason();
        }
        List<String> reasons = bet.legVoidReasons().stream().filter(Objects::nonNull).distinct().toList();
        return reasons.isEmpty() ? null : String.join(";", reasons);
    }

    private Outcome voids(Licences licences, String licence, ReportWindow window, Instant now) {
        List<Voids.Reported> reported = voids.report(null, window.start(), window.end(), MAX_ROWS + 1);
        if (reported.size() > MAX_ROWS) {
            return new Outcome.TooLarge(MAX_ROWS);
        }
        Map<UUID, BetRecords.Wager> voided = new LinkedHashMap<>();
        bets.wagers(new LinkedHashSet<>(reported.stream().map(Voids.Reported::betId).toList()))
                .forEach(bet -> voided.put(bet.id(), bet));
        Map<UUID, PlayerView> owners = players.byIds(ids(voided.values(), BetRecords.Wager::playerId));
        List<Map<String, Object>> rows = new ArrayList<>();
        reported.stream().sorted(Comparator.comparing(Voids.Reported::at).thenComparing(r -> r.betId().toString()))
                .forEach(entry -> {
                    BetRecords.Wager bet = voided.get(entry.betId());
                    if (bet != null && licence.equals(licenceOf(licences, owners.get(bet.playerId()), bet.brand()))) {
                        rows.add(row(ReportKind.VOIDS, licence, entry.at(), entry.betId(), entry.legPosition(), entry.reason(),
                                entry.source(), entry.obviousError(), entry.actor(), entry.approvedBy(), bet.playerId(),
                                bet.totalStake(), bet.currency(), entry.detail()));
                    }
                });
        return new Outcome.Rows(now, rows);
    }

    /**
     * What the book stood to pay on the bets running at the end of the period (or now, if that is still to come): per
     * market, every running bet with a leg on it at its full potential return (a multiple counts under each of its
     * markets), then per currency the total with each bet once. Market rows therefore do not add up to the total.
     */
    private Outcome liability(Licences licences, String licence, ReportWindow window, Instant now) {
        Instant asOf = window.end().isAfter(now) ? now : window.end();
        List<BetRecords.OpenBet> open = bets.openAt(asOf);
        Map<UUID, PlayerView> owners = players.byIds(ids(open, BetRecords.OpenBet::playerId));
        record MarketKey(String currency, String event, UUID eventId, UUID marketId) {
        }
        record Sum(BetRecords.OpenLeg leg, Set<UUID> bets, long[] stake, long[] liability) {
        }
        Map<MarketKey, Sum> markets = new TreeMap<>(Comparator.comparing(MarketKey::currency)
                .thenComparing(MarketKey::event, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(key -> key.eventId().toString()).thenComparing(key -> key.marketId().toString()));
        Map<String, long[]> totals = new TreeMap<>();
        for (BetRecords.OpenBet bet : open) {
            if (!licence.equals(licenceOf(licences, owners.get(bet.playerId()), bet.brand()))) {
                continue;
            }
            long[] total = totals.computeIfAbsent(bet.currency(), currency -> new long[3]);
            total[0]++;
            total[1] += bet.totalStake();
            total[2] += bet.potentialReturn();
            for (BetRecords.OpenLeg leg : bet.legs()) {
                Sum sum = markets.computeIfAbsent(new MarketKey(bet.currency(), leg.event(), leg.eventId(), leg.marketId()),
                        key -> new Sum(leg, new HashSet<>(), new long[1], new long[1]));
                if (sum.bets().add(bet.id())) {
                    sum.stake()[0] += bet.totalStake();
                    sum.liability()[0] += bet.potentialReturn();
                }
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        markets.forEach((key, sum) -> rows.add(row(ReportKind.LIABILITY, licence, asOf, "market", key.eventId(),
                sum.leg().event(), key.marketId(), sum.leg().marketType(),
                sum.leg().line() == null ? null : sum.leg().line().toPlainString(), key.currency(), sum.bets().size(),
                sum.stake()[0], sum.liability()[0])));
        totals.forEach((currency, total) -> rows.add(row(ReportKind.LIABILITY, licence, asOf, "total", null, null, null, null,
                null, currency, total[0], total[1], total[2])));
        return new Outcome.Rows(now, rows);
    }

    private Outcome selfExclusions(Licences licences, String licence, ReportWindow window, Instant now) {
        List<ResponsibleGamblingRecords.SelfExclusion> taken = responsible.selfExclusions(window.start(), window.end(),
                MAX_ROWS + 1);
        if (taken.size() > MAX_ROWS) {
            return new Outcome.TooLarge(MAX_ROWS);
        }
        Map<UUID, PlayerView> owners = players.byIds(ids(taken, ResponsibleGamblingRecords.SelfExclusion::playerId));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ResponsibleGamblingRecords.SelfExclusion exclusion : taken) {
            if (licence.equals(licenceOf(licences, owners.get(exclusion.playerId()), exclusion.brand()))) {
                rows.add(row(ReportKind.SELF_EXCLUSIONS, licence, exclusion.id(), exclusion.playerId(), exclusion.brand(),
                        exclusion.startsAt(), exclusion.endsAt(), exclusion.endsAt() == null, exclusion.inForce(),
                        exclusion.actor()));
            }
        }
        return new Outcome.Rows(now, rows);
    }

    private Outcome rgEvents(Licences licences, String licence, ReportWindow window, Instant now) {
        List<ResponsibleGamblingRecords.Event> events = responsible.events(window.start(), window.end(), MAX_ROWS + 1);
        if (events.size() > MAX_ROWS) {
            return new Outcome.TooLarge(MAX_ROWS);
        }
        Map<UUID, PlayerView> owners = players.byIds(ids(events, ResponsibleGamblingRecords.Event::playerId));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ResponsibleGamblingRecords.Event event : events) {
            PlayerView player = owners.get(event.playerId());
            String brand = event.brand() != null ? event.brand() : player == null ? null : player.brand();
            if (licence.equals(licenceOf(licences, player, brand))) {
                rows.add(row(ReportKind.RG_EVENTS, licence, event.at(), event.event(), event.playerId(), brand,
                        event.limitKind(), event.period(), event.amountBefore(), event.amountAfter(), event.effectiveAt(),
                        event.actor(), event.detail()));
            }
        }
        return new Outcome.Rows(now, rows);
    }

    private Outcome amlAlerts(Licences licences, String licence, ReportWindow window, Instant now) {
        List<AmlCases.RaisedAlert> alerts = aml.alertsRaised(window.start(), window.end(), MAX_ROWS + 1);
        if (alerts.size() > MAX_ROWS) {
            return new Outcome.TooLarge(MAX_ROWS);
        }
        Map<UUID, PlayerView> owners = players.byIds(ids(alerts, AmlCases.RaisedAlert::playerId));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AmlCases.RaisedAlert alert : alerts) {
            if (licence.equals(licenceOf(licences, owners.get(alert.playerId()), alert.brand()))) {
                rows.add(row(ReportKind.AML_ALERTS, licence, alert.raisedAt(), alert.id(), alert.playerId(), alert.brand(),
                        alert.rule(), alert.amount(), alert.currency(), alert.detail(), alert.caseId(), alert.caseStatus(),
                        alert.owner(), alert.decision(), alert.decidedBy(), alert.decidedAt()));
            }
        }
        return new Outcome.Rows(now, rows);
    }

    /** The player's licence by their brand and country; a record whose player is unknown goes by its own brand. */
    private static String licenceOf(Licences licences, PlayerView player, String brand) {
        return player != null ? licences.of(player.brand(), player.country()) : licences.of(brand, null);
    }

    private static <T> Set<UUID> ids(Collection<T> records, Function<T, UUID> id) {
        Set<UUID> ids = new HashSet<>();
        records.forEach(record -> ids.add(id.apply(record)));
        return ids;
    }

    /** A row as both formats write it: the kind's columns in order, times as ISO-8601 text, ids as text. */
    private static Map<String, Object> row(ReportKind kind, Object... values) {
        if (values.length != kind.columns().size()) {
            throw new IllegalArgumentException(kind + " has " + kind.columns().size() + " columns, not " + values.length);
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            row.put(kind.columns().get(i), value instanceof Instant || value instanceof UUID ? value.toString() : value);
        }
        return row;
    }
}
