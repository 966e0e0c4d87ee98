package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.flags.core.Flag;
import com.sportsbook.controlplane.flags.core.FlagKey;
import com.sportsbook.controlplane.flags.core.Rollout;
import com.sportsbook.controlplane.flags.core.RolloutCheck;
import com.sportsbook.controlplane.templates.TemplateCatalog;
import com.sportsbook.controlplane.tenants.TenantView;
import com.sportsbook.controlplane.tenants.Tenants;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flags module's API: define flags, change their rollout, pull and release the kill switch, read them with their
 * history and their evaluation per tenant and brand. Every change is recorded in the same transaction and announced
 * ({@link FlagChanged}) once committed, so Unleash follows.
 */
@Service
public class Flags {

    private static final Logger log = LoggerFactory.getLogger(Flags.class);

    static final String FLAG_NOT_FOUND = "flag_not_found";
    static final String FLAG_EXISTS = "flag_exists";

    /** What a command came to. */
    sealed interface Outcome {
        record Done(FlagView flag, boolean changed) implements Outcome {
        }

        record Refused(int status, String code, String detail, List<RolloutCheck.FieldError> errors) implements Outcome {
            public Refused {
                errors = List.copyOf(errors);
            }
        }
    }

    /** Whether a flag is on for one brand of one tenant, as the control plane evaluates it (Unleash agrees). */
    public record Evaluation(String tenant, String brand, List<String> jurisdictions, boolean enabled) {
    }

    private final FlagStore store;
    private final Tenants tenants;
    private final TemplateCatalog templates;
    private final ApplicationEventPublisher events;
    private final FlagsSettings settings;
    private final Clock clock;

    Flags(FlagStore store, Tenants tenants, TemplateCatalog templates, ApplicationEventPublisher events, FlagsSettings settings,
            Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.templates = templates;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<FlagView> list() {
        return store.all().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<FlagView> find(String key) {
        return store.find(key).map(this::view);
    }

    /** Every flag as it is now: what the snapshot publishes. */
    @Transactional(readOnly = true)
    public List<Flag> current() {
        return store.all().stream().map(FlagStore.Row::flag).toList();
    }

    @Transactional
    Outcome create(String key, String description, List<String> named, BigDecimal percentage, List<String> jurisdictions,
            Actor actor, String reason) {
        Optional<FlagKey> parsed = FlagKey.parse(key);
        if (parsed.isEmpty()) {
            return invalid("A flag key is kebab-case: 2 to 64 lowercase letters, digits and single hyphens, starting with a letter.",
                    "key", "like cash-out or in-play-betting");
        }
        if (description == null || description.isBlank() || description.length() > 500) {
            return invalid("Describe what the flag turns on (up to 500 characters).", "description", "1 to 500 characters");
        }
        Optional<Outcome.Refused> badReason = checkReason(reason);
        if (badReason.isPresent()) {
            return badReason.get();
        }
        RolloutCheck.Result checked = check(named, percentage, jurisdictions);
        if (checked instanceof RolloutCheck.Result.Invalid invalid) {
            return refused(invalid);
        }
        Flag flag = new Flag(parsed.get(), description.strip(), ((RolloutCheck.Result.Valid) checked).rollout(), false, 1);
        Instant now = clock.instant();
        if (!store.insert(flag, now, actor)) {
            return new Outcome.Refused(409, FLAG_EXISTS, "A flag " + key + " exists already; change its rollout with PUT.", List.of());
        }
        store.record(flag, now, actor, "created", trimmed(reason), null);
        events.publishEvent(new FlagChanged(key, flag.version()));
        events.publishEvent(new FlagChangeRecorded(key, flag.version(), "created", actor.id(), actor.name(), trimmed(reason),
                null, FlagStore.state(flag)));
        log.info("flag {} created by {}: {}", key, actor.name(), flag.rollout());
        return new Outcome.Done(view(store.find(key).orElseThrow()), true);
    }

    @Transactional
    Outcome changeRollout(String key, String description, List<String> named, BigDecimal percentage,
            List<String> jurisdictions, Actor actor, String reason) {
        Optional<FlagStore.Row> row = store.lock(key);
        if (row.isEmpty()) {
            return notFound(key);
        }
        if (description != null && (description.isBlank() || description.length() > 500)) {
            return invalid("Describe what the flag turns on (up to 500 characters).", "description", "1 to 500 characters");
        }
        Optional<Outcome.Refused> badReason = checkReason(reason);
        if (badReason.isPresent()) {
            return badReason.get();
        }
        RolloutCheck.Result checked = check(named, percentage, jurisdictions);
        if (checked instanceof RolloutCheck.Result.Invalid invalid) {
            return refused(invalid);
        }
        Flag before = row.get().flag();
        Rollout rollout = ((RolloutCheck.Result.Valid) checked).rollout();
        String text = description == null ? before.description() : description.strip();
        if (rollout.equals(before.rollout()) && text.equals(before.description())) {
            return new Outcome.Done(view(row.get()), false);
        }
        Flag after = new Flag(before.key(), text, rollout, before.killed(), before.version() + 1);
        return save(before, after, actor, "rollout_changed", reason);
    }

    @Transactional
    Outcome kill(String key, boolean killed, Actor actor, String reason) {
        Optional<FlagStore.Row> row = store.lock(key);
        if (row.isEmpty()) {
            return notFound(key);
        }
        Optional<Outcome.Refused> badReason = checkReason(reason);
        if (badReason.isPresent()) {
            return badReason.get();
        }
        Flag before = row.get().flag();
        if (before.killed() == killed) {
            return new Outcome.Done(view(row.get()), false);
        }
        return save(before, before.withKilled(killed), actor, killed ? "killed" : "revived", reason);
    }

    private Outcome save(Flag before, Flag after, Actor actor, String action, String reason) {
        Instant now = clock.instant();
        store.update(after, now, actor);
        store.record(after, now, actor, action, trimmed(reason), before);
        events.publishEvent(new FlagChanged(after.key().value(), after.version()));
        events.publishEvent(new FlagChangeRecorded(after.key().value(), after.version(), action, actor.id(), actor.name(),
                trimmed(reason), FlagStore.state(before), FlagStore.state(after)));
        log.info("flag {} {} by {} (version {}): {}{}", after.key(), action.replace('_', ' '), actor.name(), after.version(),
                after.rollout(), after.killed() ? ", killed" : "");
        return new Outcome.Done(view(store.find(after.key().value()).orElseThrow()), true);
    }

    /** The flag's changes, newest first; empty if there is no such flag. */
    @Transactional(readOnly = true)
    public Optional<List<FlagStore.Change>> history(String key, Long beforeVersion, int limit) {
        if (store.find(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(store.history(key, beforeVersion, limit));
    }

    /** The flag evaluated for every brand of every tenant, as the runtimes will see it. */
    @Transactional(readOnly = true)
    public Optional<List<Evaluation>> evaluate(String key) {
        Optional<FlagStore.Row> row = store.find(key);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Flag flag = row.get().flag();
        List<Evaluation> evaluations = new ArrayList<>();
        for (TenantView tenant : tenants.list()) {
            tenant.brands().forEach(brand -> evaluations.add(new Evaluation(tenant.slug(), brand.slug(), brand.jurisdictions(),
                    flag.enabledFor(tenant.slug(), brand.jurisdictions()))));
        }
        return Optional.of(evaluations);
    }

    private RolloutCheck.Result check(List<String> named, BigDecimal percentage, List<String> jurisdictions) {
        RolloutCheck check = new RolloutCheck(tenants.list().stream().map(TenantView::slug).collect(Collectors.toSet()),
                templates.jurisdictionCodes());
        return check.check(named, percentage, jurisdictions);
    }

    private static Optional<Outcome.Refused> checkReason(String reason) {
        if (reason != null && reason.length() > 1000) {
            return Optional.of((Outcome.Refused) invalid("A reason has at most 1000 characters.", "reason", "up to 1000 characters"));
        }
        return Optional.empty();
    }

    private static String trimmed(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    private static Outcome refused(RolloutCheck.Result.Invalid invalid) {
        return new Outcome.Refused(422, invalid.code(), invalid.detail(), invalid.errors());
    }

    private static Outcome invalid(String detail, String field, String message) {
        return new Outcome.Refused(422, RolloutCheck.VALIDATION_FAILED, detail, List.of(new RolloutCheck.FieldError(field, message)));
    }

    private static Outcome notFound(String key) {
        return new Outcome.Refused(404, FLAG_NOT_FOUND, "No flag " + key + ".", List.of());
    }

    private FlagView view(FlagStore.Row row) {
        Flag flag = row.flag();
        String state = !settings.unleash().configured() ? "not_configured"
                : row.syncedVersion() >= flag.version() ? "synced" : "pending";
        return new FlagView(flag.key().value(), flag.description(), flag.rollout().tenants(), flag.rollout().percentage(),
                flag.rollout().jurisdictions(), flag.killed(), flag.version(), row.createdAt(), row.updatedAt(), row.updatedBy(),
                new FlagView.Sync(state, row.syncedVersion(), row.syncedAt(), row.syncError()));
    }
}
