package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.commons.rules.RealityCheck;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.compliance.responsible.core.LimitChanges;
import com.sportsbook.runtime.compliance.responsible.core.LimitKind;
import com.sportsbook.runtime.compliance.responsible.core.LimitPeriod;
import com.sportsbook.runtime.compliance.rules.BrandRules;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.identity.SessionSpan;
import com.sportsbook.runtime.payments.PendingDeposits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/**
 * A player's responsible gambling on the bound tenant: limits with their cooling-off, time-outs and self-exclusions
 * that reach every brand of the operator, national registers, and reality checks, each within the bounds of the
 * brand's effective jurisdiction rules (which fail closed when they cannot be known).
 */
final class ResponsibleGambling {

    private static final Logger log = LoggerFactory.getLogger(ResponsibleGambling.class);

    /** The largest money limit accepted (minor units): anything above is a typing error, not a limit. */
    static final long MAX_MONEY_LIMIT = 100_000_000_00L;

    sealed interface Outcome<T> {
        record Done<T>(T value) implements Outcome<T> {
        }

        /** @param status 409 for a state that forbids it, 422 for a value outside the rules' bounds */
        record Refused<T>(int status, String code, String detail) implements Outcome<T> {
        }
    }

    /**
     * One limit as the player sees it: in force, used and left in its window, and a change waiting for its time. For
     * deposit limits, {@code awaitingProvider} is what deposits started and not yet confirmed by the payment provider
     * hold of it (not in {@code used}, but no longer in {@code remaining}); null for the other kinds.
     */
    record LimitView(String kind, String period, Long amount, long used, Long remaining, Pending pending,
            Long awaitingProvider) {
    }

    record Pending(Long amount, boolean removal, Instant effectiveAt) {
    }

    record ExclusionView(String kind, String status, String register, Instant startsAt, Instant until) {
    }

    record RealityCheckBounds(int minMinutes, int maxMinutes, int defaultMinutes, boolean required) {
    }

    record Bounds(List<String> jurisdictions, long coolingOffHours, int timeOutMinDays, int timeOutMaxDays,
            List<Integer> selfExclusionMonths, boolean selfExclusionIndefinite, RealityCheckBounds realityCheck,
            boolean depositLimitRequired, Map<String, Map<String, Long>> depositCaps, List<String> nationalRegisters) {
    }

    record Overview(String currency, List<LimitView> limits, Bounds jurisdiction, ExclusionView exclusion,
            int realityCheckMinutes) {
    }

    record RealityCheckView(Instant sessionStartedAt, long minutesPlayed, long netWinLoss, String currency,
            int intervalMinutes, Instant nextCheckAt, Instant now) {
    }

    private final Limits limits;
    private final Exclusions exclusions;
    private final Usage usage;
    private final EffectiveRules rules;
    private final Players players;
    private final ExclusionChecks checks;
    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final ResponsibleGamblingSettings settings;
    private final AuditTrail audit;
    private final Clock clock;
    private final PendingDeposits pending;

    ResponsibleGambling(Limits limits, Exclusions exclusions, Usage usage, EffectiveRules rules, Players players,
            ExclusionChecks checks, JdbcClient jdbc, TransactionOperations transactions,
            ResponsibleGamblingSettings settings, AuditTrail audit, Clock clock, PendingDeposits pending) {
        this.limits = limits;
        this.exclusions = exclusions;
        this.usage = usage;
        this.rules = rules;
        this.players = players;
        this.checks = checks;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.pending = pending;
    }

    Overview overview(PlayerView player) {
        BrandRules brand = rules.forBrand(player.brand());
        return transactions.execute(status -> {
            Map<LimitKind, Map<LimitPeriod, LimitChanges.Limit>> current = limits.of(player.id());
            List<LimitView> views = new java.util.ArrayList<>();
            long awaitingProvider = pending.total(player.id(), player.currency(), Instant.EPOCH);
            Map<LimitPeriod, Usage.Money> money = new java.util.EnumMap<>(LimitPeriod.class);
            for (LimitKind kind : LimitKind.values()) {
                for (LimitPeriod period : LimitPeriod.values()) {
                    LimitChanges.Limit limit = current.getOrDefault(kind, Map.of()).getOrDefault(period, LimitChanges.Limit.NONE);
                    long used = kind == LimitKind.SESSION_TIME ? usage.minutesPlayed(player, period)
                            : money.computeIfAbsent(period, p -> usage.money(player, p)).of(kind);
                    Long held = kind == LimitKind.DEPOSIT ? awaitingProvider : null;
                    views.add(new LimitView(kind.wire(), period.wire(), limit.amount(), used,
                            limit.amount() == null ? null : Math.max(0, limit.amount() - used - (held == null ? 0 : held)),
                            limit.hasPending() ? new Pending(limit.pendingAmount(), limit.pendingRemoval(), limit.pendingFrom()) : null,
                            held));
                }
            }
            return new Overview(player.currency(), views, bounds(brand),
                    checks.exclusionOf(player).map(ResponsibleGambling::view).orElse(null), realityCheckMinutes(player, brand));
        });
    }

    Bounds bounds(BrandRules brand) {
        RealityCheckBounds reality = realityBounds(brand);
        Map<String, Map<String, Long>> caps = new java.util.LinkedHashMap<>();
        if (!brand.depositCaps().daily().isEmpty()) {
            caps.put("day", brand.depositCaps().daily().byCurrency());
        }
        if (!brand.depositCaps().weekly().isEmpty()) {
            caps.put("week", brand.depositCaps().weekly().byCurrency());
        }
        if (!brand.depositCaps().monthly().isEmpty()) {
            caps.put("month", brand.depositCaps().monthly().byCurrency());
        }
        return new Bounds(brand.jurisdictions(), brand.limitIncreaseCoolingOff().toHours(), brand.timeOut().minDays(),
                brand.timeOut().maxDays(), List.copyOf(brand.selfExclusionPeriods().months()),
                brand.selfExclusionPeriods().indefinite(), reality, brand.depositLimitRequiredAtRegistration(), caps,
                brand.nationalRegisters());
    }

    private RealityCheckBounds realityBounds(BrandRules brand) {
        Optional<RealityCheck> rule = brand.realityCheck();
        List<Integer> fallback = settings.realityCheckDefaults();
        return rule.map(check -> new RealityCheckBounds(check.minMinutes(), check.maxMinutes(), check.defaultMinutes(), true))
                .orElse(new RealityCheckBounds(fallback.get(0), fallback.get(1), fallback.get(2), false));
    }

    /** A limit request: 200 applied now, or pending until its cooling-off ends. */
    Outcome<Limits.Changed> setLimit(PlayerView player, LimitKind kind, LimitPeriod period, Long amount, String actor) {
        if (amount != null) {
            long max = kind == LimitKind.SESSION_TIME ? period.window().toMinutes() : MAX_MONEY_LIMIT;
            if (amount < 0 || amount > max) {
                return new Outcome.Refused<>(422, "invalid_limit", "A " + kind.wire().replace('_', ' ') + " limit per "
                        + period.wire() + " is from 0 to " + max + (kind == LimitKind.SESSION_TIME ? " minutes." : " minor units."));
            }
        }
        Duration coolingOff = rules.forBrand(player.brand()).limitIncreaseCoolingOff();
        Limits.Changed changed = transactions.execute(status -> {
            Limits.Changed made = limits.request(player.id(), kind, period, amount, coolingOff, actor);
            audit.record(AuditEntry.of("rg.limit_requested", player.id()).by(actor).with("kind", kind.wire())
                    .with("period", period.wire()).with("requested", amount).with("inForce", made.limit().amount())
                    .with("pendingAmount", made.limit().pendingAmount()).with("pendingRemoval", made.limit().pendingRemoval())
                    .with("effectiveAt", made.effectiveAt().toString()));
            return made;
        });
        log.info("player {} {} limit per {}: {} ({})", player.id(), kind.wire(), period.wire(), amount,
                changed.immediate() ? "now" : "from " + changed.effectiveAt());
        return new Outcome.Done<>(changed);
    }

    Outcome<ExclusionView> timeOut(PlayerView player, int days, String actor) {
        BrandRules brand = rules.forBrand(player.brand());
        if (days < brand.timeOut().minDays() || days > brand.timeOut().maxDays()) {
            return new Outcome.Refused<>(422, "invalid_time_out", "A time-out lasts from " + brand.timeOut().minDays()
                    + " to " + brand.timeOut().maxDays() + " days on this brand.");
        }
        Instant until = clock.instant().plus(Duration.ofDays(days));
        return exclude(player, Exclusions.Kind.TIME_OUT, until, actor);
    }

    Outcome<ExclusionView> selfExclude(PlayerView player, Integer months, boolean permanent, String actor) {
        BrandRules brand = rules.forBrand(player.brand());
        if (permanent) {
            if (!brand.selfExclusionPeriods().indefinite()) {
                return new Outcome.Refused<>(422, "invalid_self_exclusion", "This brand offers self-exclusion for "
                        + brand.selfExclusionPeriods().months() + " months, not an indefinite one.");
            }
            return exclude(player, Exclusions.Kind.SELF_EXCLUSION, null, actor);
        }
        if (months == null || !brand.selfExclusionPeriods().months().contains(months)) {
            return new Outcome.Refused<>(422, "invalid_self_exclusion", "Self-exclusion periods on this brand: "
                    + brand.selfExclusionPeriods().months() + " months" + (brand.selfExclusionPeriods().indefinite()
                    ? ", or permanent." : "."));
        }
        Instant until = clock.instant().atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
        return exclude(player, Exclusions.Kind.SELF_EXCLUSION, until, actor);
    }

    private Outcome<ExclusionView> exclude(PlayerView player, Exclusions.Kind kind, Instant until, String actor) {
        Optional<Exclusions.Exclusion> current = transactions.execute(status -> checks.exclusionOf(player));
        if (current.isPresent() && kind == Exclusions.Kind.TIME_OUT) {
            // a time-out never shortens or softens an exclusion in force
            return new Outcome.Refused<>(409, "exclusion_in_force", current.get().asRestriction().detail());
        }
        Exclusions.Exclusion recorded = transactions.execute(status -> {
            Exclusions.Exclusion made = exclusions.record(ExclusionChecks.person(player), kind, null, until, actor);
            audit.record(AuditEntry.of("rg.exclusion_taken", player.id()).by(actor).reference(made.id())
                    .with("kind", kind.wire()).with("brand", player.brand()).with("startsAt", made.startsAt().toString())
                    .with("until", until == null ? null : until.toString()));
            return made;
        });
        List<PlayerView> accounts = players.exclude(player, recorded.asRestriction(), kind.wire() + " by " + actor);
        log.info("player {} took a {} until {}; {} account(s) of the person excluded", player.id(), kind.wire(),
                until == null ? "indefinitely" : until, accounts.size());
        return new Outcome.Done<>(view(recorded));
    }

    int realityCheckMinutes(PlayerView player, BrandRules brand) {
        RealityCheckBounds bounds = realityBounds(brand);
        Integer chosen = jdbc.sql("SELECT interval_minutes FROM rg_reality_check WHERE player_id = ?").param(player.id())
                .query(Integer.class).optional().orElse(null);
        if (chosen == null) {
            return bounds.defaultMinutes();
        }
        // the rules may have tightened since: the chosen interval is kept within today's bounds
        return Math.max(bounds.minMinutes(), Math.min(bounds.maxMinutes(), chosen));
    }

    Outcome<Integer> setRealityCheck(PlayerView player, int minutes) {
        RealityCheckBounds bounds = realityBounds(rules.forBrand(player.brand()));
        if (minutes < bounds.minMinutes() || minutes > bounds.maxMinutes()) {
            return new Outcome.Refused<>(422, "invalid_reality_check", "Reality checks come every " + bounds.minMinutes()
                    + " to " + bounds.maxMinutes() + " minutes on this brand.");
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO rg_reality_check (player_id, interval_minutes, updated_at) VALUES (?, ?, ?)
                    ON CONFLICT (player_id) DO UPDATE SET interval_minutes = EXCLUDED.interval_minutes, updated_at = EXCLUDED.updated_at""")
                    .params(player.id(), minutes, java.sql.Timestamp.from(clock.instant())).update();
            // the actor is the signed-in caller, the player
            audit.record(AuditEntry.of("rg.reality_check_set", player.id()).with("intervalMinutes", minutes));
        });
        return new Outcome.Done<>(minutes);
    }

    /** This session's reality check: how long it has run, the net result of its bets, when the next check is due. */
    RealityCheckView realityCheck(PlayerView player, String sessionRef) {
        BrandRules brand = rules.forBrand(player.brand());
        Instant now = clock.instant();
        return transactions.execute(status -> {
            Instant started = (sessionRef == null ? Optional.<SessionSpan>empty() : players.session(sessionRef))
                    .map(SessionSpan::startedAt).orElse(now);
            int interval = realityCheckMinutes(player, brand);
            long elapsedMinutes = Duration.between(started, now).toMinutes();
            Usage.Money money = usage.money(player, started);
            Instant next = started.plus(Duration.ofMinutes((elapsedMinutes / interval + 1) * interval));
            return new RealityCheckView(started, elapsedMinutes, money.returned() - money.wagered(), player.currency(),
                    interval, next, now);
        });
    }

    private static ExclusionView view(Exclusions.Exclusion exclusion) {
        return new ExclusionView(exclusion.kind().wire(), exclusion.kind().status().wireName(), exclusion.register(),
                exclusion.startsAt(), exclusion.endsAt());
    }

    /** The exclusion deciding for the player now, if any. */
    Optional<Exclusions.Exclusion> exclusionOf(PlayerView player) {
        return checks.exclusionOf(player);
    }
}
