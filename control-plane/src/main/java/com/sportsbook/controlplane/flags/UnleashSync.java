package com.sportsbook.controlplane.flags;

import com.sportsbook.controlplane.flags.core.Flag;
import com.sportsbook.controlplane.flags.core.UnleashShape;
import com.sportsbook.controlplane.templates.TemplateCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps Unleash in step with the control plane, which is the source of truth. One worker thread: a committed change
 * wakes it and the changed flags are pushed at once; a failure is retried with a growing delay (up to
 * {@code max-retry-delay}); at start and every {@code reconcile-interval} every flag is pushed again, which repairs
 * anything changed by hand in Unleash or missed while it was down. A push is idempotent: it reads the flag's state in
 * Unleash and changes only what differs, updating our two strategies in place (never a moment without strategies,
 * when Unleash would treat an enabled flag as on for everyone). With the kill switch the environment is disabled
 * first; when it is released the strategies are set before the environment is enabled again.
 */
class UnleashSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(UnleashSync.class);

    private final UnleashAdmin admin;
    private final FlagStore store;
    private final Flags flags;
    private final TemplateCatalog templates;
    private final FlagsSettings.Unleash settings;
    private final Clock clock;
    private final ScheduledExecutorService worker;
    private Duration retryDelay = Duration.ofSeconds(1);
    private ScheduledFuture<?> retry;
    private boolean contextReady;

    UnleashSync(UnleashAdmin admin, FlagStore store, Flags flags, TemplateCatalog templates, FlagsSettings.Unleash settings, Clock clock) {
        this.admin = admin;
        this.store = store;
        this.flags = flags;
        this.templates = templates;
        this.settings = settings;
        this.clock = clock;
        this.worker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("unleash-sync").daemon().factory());
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcileFromStart() {
        long period = settings.reconcileInterval().toMillis();
        worker.scheduleWithFixedDelay(this::reconcileAll, 0, period, TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener
    void changed(FlagChanged change) {
        worker.execute(this::pushPending);
    }

    /** Pushes every flag, whether or not it changed here (start, and the periodic repair). */
    private void reconcileAll() {
        push(flags.current(), true);
    }

    private void pushPending() {
        push(store.unsynced(), false);
    }

    private void push(List<Flag> batch, boolean all) {
        List<String> failed = new ArrayList<>();
        try {
            if (!contextReady || all) {
                admin.ensureContextFields(templates.jurisdictionCodes());
                contextReady = true;
            }
        } catch (RuntimeException e) {
            log.warn("Unleash at {} not reachable or refused the context fields: {}", settings.baseUrl(), e.getMessage());
            retryLater();
            return;
        }
        for (Flag flag : batch) {
            try {
                pushOne(flag);
                store.markSynced(flag.key().value(), flag.version(), clock.instant());
            } catch (RuntimeException e) {
                failed.add(flag.key().value());
                log.warn("flag {} (version {}) not pushed to Unleash: {}", flag.key(), flag.version(), e.getMessage());
                try {
                    store.markFailed(flag.key().value(), e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                } catch (RuntimeException ignored) {
                    // the database is the problem: the retry below tries again
                }
            }
        }
        if (failed.isEmpty()) {
            retryDelay = Duration.ofSeconds(1);
            if (all) {
                log.debug("Unleash reconciled: {} flags", batch.size());
            }
        } else {
            retryLater();
        }
    }

    private void retryLater() {
        if (retry != null && !retry.isDone()) {
            return;
        }
        Duration delay = retryDelay;
        retryDelay = retryDelay.multipliedBy(2).compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : retryDelay.multipliedBy(2);
        retry = worker.schedule(() -> {
            contextReady = false;
            pushPending();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes Unleash hold this flag as it is here. */
    private void pushOne(Flag flag) {
        String key = flag.key().value();
        var description = admin.featureDescription(key);
        if (description.isEmpty()) {
            admin.createFeature(key, flag.description());
        } else if (!description.get().equals(flag.description())) {
            admin.describe(key, flag.description());
        }
        UnleashAdmin.Environment held = admin.environment(key);
        if (flag.killed() && held.enabled()) {
            admin.setEnabled(key, false);
        }
        Set<String> kept = new HashSet<>();
        for (UnleashShape.Strategy wanted : UnleashShape.strategies(flag)) {
            UnleashAdmin.HeldStrategy match = held.strategies().stream()
                    .filter(strategy -> Objects.equals(strategy.strategy().title(), wanted.title()) && !kept.contains(strategy.id()))
                    .findFirst().orElse(null);
            if (match == null) {
                admin.addStrategy(key, wanted);
            } else {
                kept.add(match.id());
                if (match.disabled() || !same(match.strategy(), wanted)) {
                    admin.updateStrategy(key, match.id(), wanted);
                }
            }
        }
        for (UnleashAdmin.HeldStrategy strategy : held.strategies()) {
            if (!kept.contains(strategy.id())) {
                admin.deleteStrategy(key, strategy.id());
            }
        }
        if (!flag.killed() && !held.enabled()) {
            admin.setEnabled(key, true);
        }
    }

    private static boolean same(UnleashShape.Strategy held, UnleashShape.Strategy wanted) {
        return held.name().equals(wanted.name()) && held.parameters().equals(wanted.parameters())
                && normalized(held.constraints()).equals(normalized(wanted.constraints()));
    }

    private static List<UnleashShape.Constraint> normalized(List<UnleashShape.Constraint> constraints) {
        return constraints.stream().map(c -> new UnleashShape.Constraint(c.contextName(), c.operator(),
                c.values().stream().sorted().toList(), c.caseInsensitive(), c.inverted())).toList();
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
