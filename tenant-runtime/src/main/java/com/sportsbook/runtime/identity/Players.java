package com.sportsbook.runtime.identity;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Player accounts of the bound tenant: registration, profile, and the states that stop an account from playing. */
@Service
public class Players {

    private static final Logger log = LoggerFactory.getLogger(Players.class);

    sealed interface Registration {
        record Registered(PlayerView player) implements Registration {
        }

        record Refused(int status, List<RegistrationRules.Rejection> rejections) implements Registration {
        }
    }

    sealed interface Transition {
        record Moved(PlayerView player) implements Transition {
        }

        record UnknownPlayer() implements Transition {
        }

        /** The move would lift a responsible-gambling exclusion before its end: refused, the account stays as it is. */
        record ExclusionInForce(PlayerView player, PlayerRestrictions.Exclusion exclusion) implements Transition {
        }
    }

    private final PlayerRepository players;
    private final PlayerSessions sessions;
    private final KeycloakPlayers identities;
    private final TenantDirectory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AuditTrail audit;
    private final RegistrationScreening screening;
    private final PlayerRestrictions restrictions;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Players(PlayerRepository players, PlayerSessions sessions, KeycloakPlayers identities, TenantDirectory directory,
            TransactionTemplate transactions, Clock clock, AuditTrail audit, RegistrationScreening screening,
            PlayerRestrictions restrictions, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.players = players;
        this.sessions = sessions;
        this.identities = identities;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
        this.audit = audit;
        this.screening = screening;
        this.restrictions = restrictions;
    }

    Registration register(PlayerRegistration registration) {
        BoundTenant tenant = TenantContext.require();
        BrandRoute brand = directory.brand(tenant.brand()).orElseThrow();
        List<RegistrationRules.Rejection> rejections = RegistrationRules.check(registration, brand.minimumAge(),
                brand.currencies(), LocalDate.now(clock));
        if (!rejections.isEmpty()) {
            return new Registration.Refused(422, rejections);
        }
        if (Boolean.TRUE.equals(transactions.execute(status -> players.existsByEmail(registration.email())))) {
            return emailTaken();
        }
        // a person excluded on any brand of the operator, or on a national register, opens no account
        Optional<PlayerRestrictions.Exclusion> excluded = restrictions.atRegistration(registration, tenant.brand());
        if (excluded.isPresent()) {
            log.info("registration on brand {} refused: the person is excluded", tenant.brand());
            return new Registration.Refused(403, List.of(new RegistrationRules.Rejection(
                    excluded.get().status().refusalCode(), "person", excluded.get().detail())));
        }
        KeycloakPlayers.Created created = identities.create(tenant.slug().value(), registration);
        return switch (created) {
            case KeycloakPlayers.Created.EmailTaken taken -> emailTaken();
            case KeycloakPlayers.Created.WeakPassword weak -> new Registration.Refused(422, List.of(
                    new RegistrationRules.Rejection("weak_password", "password", "the password is too weak: " + weak.reason())));
            case KeycloakPlayers.Created.User user -> store(tenant, user.id(), registration);
        };
    }

    /**
     * Stores the account and screens it in one transaction; a screening hit opens it blocked (and its sign-in
     * disabled), it does not refuse it.
     */
    private Registration store(BoundTenant tenant, String userId, PlayerRegistration registration) {
        PlayerView player;
        try {
            player = transactions.execute(status -> {
                Player stored = players.save(new Player(userId, tenant.brand(), registration, clock.instant()));
                if (screening.screen(stored.view()) == RegistrationScreening.Verdict.BLOCK) {
                    stored.moveTo(PlayerStatus.BLOCKED, clock.instant());
                }
                return stored.view();
            });
        } catch (RuntimeException e) {
            identities.delete(tenant.slug().value(), userId);
            throw e;
        }
        log.info("player {} registered on brand {}", player.id(), tenant.brand());
        if (PlayerStatus.BLOCKED.wireName().equals(player.status())) {
            disableSignIn(tenant.slug().value(), userId, player.id());
        }
        return new Registration.Registered(player);
    }

    private static Registration emailTaken() {
        return new Registration.Refused(409, List.of(new RegistrationRules.Rejection("email_taken", "email",
                "an account with this email already exists")));
    }

    /**
     * The player a token belongs to (its subject is the Keycloak user); empty for staff and unknown users. Within a
     * request the player admitted at its start is answered again without a second read.
     */
    public Optional<PlayerView> bySubject(String identityUserId) {
        Optional<PlayerView> admitted = admittedInThisRequest(identityUserId);
        if (admitted.isPresent()) {
            return admitted;
        }
        return transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(Player::view));
    }

    private static final String ADMITTED = Players.class.getName() + ".admitted";

    private static Optional<PlayerView> admittedInThisRequest(String identityUserId) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object admitted = request == null ? null : request.getAttribute(ADMITTED + ":" + identityUserId, RequestAttributes.SCOPE_REQUEST);
        return admitted instanceof PlayerView view ? Optional.of(view) : Optional.empty();
    }

    private static void rememberForThisRequest(String identityUserId, PlayerView player) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ADMITTED + ":" + identityUserId, player, RequestAttributes.SCOPE_REQUEST);
        }
    }

    public Optional<PlayerView> byId(UUID playerId) {
        return transactions.execute(status -> players.findById(playerId).map(Player::view));
    }

    /** These players by id (unknown ids are left out): for reports over many players' records. */
    public java.util.Map<UUID, PlayerView> byIds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, PlayerView> found = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int start = 0; start < all.size(); start += 1000) {
            List<UUID> batch = all.subList(start, Math.min(all.size(), start + 1000));
            transactions.executeWithoutResult(status -> players.findAllById(batch)
                    .forEach(player -> found.put(player.id(), player.view())));
        }
        return found;
    }

    /** The profile with the current sign-in session and the one before it. */
    record Profile(PlayerView player, PlayerSessions.Session currentSession, PlayerSessions.Session previousSession) {
    }

    Optional<Profile> profile(String identityUserId, String sessionRef) {
        return transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(player -> new Profile(
                player.view(),
                sessionRef == null ? null : sessions.current(sessionRef).orElse(null),
                sessionRef == null ? null : sessions.previous(player.id(), sessionRef).orElse(null))));
    }

    /**
     * The account's state at a call, and whether the token's session was signed out of; for an excluded account,
     * the exclusion (what it is and until when).
     */
    record Admission(PlayerStatus status, boolean sessionEnded, PlayerRestrictions.Exclusion exclusion) {
        Admission(PlayerStatus status, boolean sessionEnded) {
            this(status, sessionEnded, null);
        }
    }

    /**
     * Every call of a signed-in player passes here: it answers the account's state and whether the session has been
     * signed out of, and for an active, live session records the call. Empty when the token is not a player's.
     */
    Optional<Admission> admit(String identityUserId, String sessionRef) {
        if (sessionRef == null || recentlyTouched(sessionRef)) {
            // the common case, an active account in a live session recorded moments ago: one statement, no transaction
            Optional<ActiveCall> active = activeCall(TenantContext.require().slug().schema().quoted() + ".", identityUserId,
                    sessionRef);
            if (active.isPresent()) {
                rememberForThisRequest(identityUserId, active.get().player());
                return Optional.of(new Admission(PlayerStatus.ACTIVE, false));
            }
        }
        return transactions.execute(status -> {
            // an active account in a live session in two plain statements; anything else the full way
            Optional<ActiveCall> active = activeCall("", identityUserId, sessionRef);
            if (active.isEmpty()) {
                return admitFully(identityUserId, sessionRef);
            }
            PlayerView view = active.get().player();
            boolean signIn = sessionRef != null && touch(view.id(), sessionRef);
            if (!signIn) {
                rememberForThisRequest(identityUserId, view);
                return Optional.of(new Admission(PlayerStatus.ACTIVE, false));
            }
            return Optional.of(admitSignIn(identityUserId));
        });
    }

    /** When this replica last recorded each session's activity: the row is written at most every 30 s anyway. */
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> touched = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.time.Duration TOUCH_EVERY = java.time.Duration.ofSeconds(30);
    private static final int TOUCHED_MAX = 100_000;

    /**
     * Records a live session's activity (true on its very first call); a session this replica recorded less than 30 s
     * ago costs no statement, as {@code PlayerSessions.touch} would not change its row either.
     */
    private boolean touch(UUID playerId, String sessionRef) {
        if (recentlyTouched(sessionRef)) {
            return false;
        }
        Instant now = clock.instant();
        boolean first = sessions.touch(playerId, sessionRef, now);
        Runnable remember = () -> {
            if (touched.size() >= TOUCHED_MAX) {
                touched.clear();
            }
            touched.put(sessionRef, now);
        };
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            // only once the row is committed: a rolled-back first call must still count as the session's first
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            remember.run();
                        }
                    });
        } else {
            remember.run();
        }
        return first;
    }

    private boolean recentlyTouched(String sessionRef) {
        Instant last = touched.get(sessionRef);
        return last != null && clock.instant().isBefore(last.plus(TOUCH_EVERY));
    }

    /** A session's first call: the national registers are asked, and a hit excludes the account there and then. */
    private Admission admitSignIn(String identityUserId) {
        Player player = players.findByIdentityUserId(identityUserId).orElseThrow();
        PlayerRestrictions.Exclusion exclusion = restrictions.atSignIn(player.view()).map(found -> {
            // the session just began: it stays, as an excluded one
            exclude(player, found, "national register at sign-in", false);
            return found;
        }).orElse(null);
        if (player.status() == PlayerStatus.ACTIVE) {
            rememberForThisRequest(identityUserId, player.view());
        }
        return new Admission(player.status(), false, exclusion);
    }

    private record ActiveCall(PlayerView player) {
    }

    /**
     * The player, when the account is active and the session (if any) not signed out of; one read, no entity. With a
     * {@code schema} prefix it runs on any pooled connection, outside a transaction; without, on the transaction's.
     */
    private Optional<ActiveCall> activeCall(String schema, String identityUserId, String sessionRef) {
        return jdbc.sql("""
                SELECT p.id, p.brand_slug, p.email, p.first_name, p.last_name, p.date_of_birth, p.country, p.currency,
                  p.status, p.created_at
                FROM %1$splayer p
                WHERE p.identity_user_id = ? AND p.status = 'active'
                  AND NOT EXISTS (SELECT 1 FROM %1$splayer_session s WHERE s.session_ref = ? AND s.ended_at IS NOT NULL)"""
                .formatted(schema))
                .params(identityUserId, sessionRef)
                .query((rs, row) -> new ActiveCall(new PlayerView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        PlayerStatus.fromWireName(rs.getString(9)).wireName(), rs.getTimestamp(10).toInstant())))
                .optional();
    }

    /**
     * Every state the account can be in: signed out, suspended, excluded (an ended exclusion makes it active again),
     * or a session's first call (the national registers are asked at sign-in).
     */
    private Optional<Admission> admitFully(String identityUserId, String sessionRef) {
        return transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(player -> {
            boolean ended = sessionRef != null && sessions.ended(sessionRef);
            PlayerRestrictions.Exclusion exclusion = null;
            if (player.status().mayStillWithdraw() && !ended) {
                exclusion = exclusionOrEnd(player);
            }
            boolean usable = player.status() == PlayerStatus.ACTIVE || player.status().mayStillWithdraw();
            if (usable && sessionRef != null && !ended) {
                boolean signIn = sessions.touch(player.id(), sessionRef, clock.instant());
                if (signIn && player.status() == PlayerStatus.ACTIVE) {
                    exclusion = restrictions.atSignIn(player.view()).map(found -> {
                        // the session just began: it stays, as an excluded one
                        exclude(player, found, "national register at sign-in", false);
                        return found;
                    }).orElse(null);
                }
            }
            if (player.status() == PlayerStatus.ACTIVE && !ended) {
                rememberForThisRequest(identityUserId, player.view());
            }
            return new Admission(player.status(), ended, exclusion);
        }));
    }

    /** The exclusion an excluded account is under; once it has ended, the account is active again. */
    private PlayerRestrictions.Exclusion exclusionOrEnd(Player player) {
        Optional<PlayerRestrictions.Exclusion> inForce = restrictions.inForce(player.view());
        if (inForce.isPresent()) {
            if (inForce.get().status() != player.status()) {
                player.moveTo(inForce.get().status(), clock.instant());
            }
            return inForce.get();
        }
        audit.record(AuditEntry.of("player.status_changed", player.id()).with("from", player.status().wireName())
                .with("to", PlayerStatus.ACTIVE.wireName()).with("cause", "exclusion ended"));
        player.moveTo(PlayerStatus.ACTIVE, clock.instant());
        log.info("player {} is active again: the exclusion ended", player.id());
        return null;
    }

    /**
     * Excludes every account of the person on the operator's brands (a self-exclusion or time-out taken on one brand
     * reaches them all): each active or already excluded account takes the exclusion's status, is signed out of every
     * session at once (its tokens are refused from the next call) and may sign in again only to withdraw its balance.
     * A suspended, closed or blocked account keeps its state; lifting it later leads to the exclusion. Answers the
     * accounts excluded.
     */
    public List<PlayerView> exclude(PlayerView person, PlayerRestrictions.Exclusion exclusion, String cause) {
        List<Player> excluded = transactions.execute(status -> {
            List<Player> accounts = new java.util.ArrayList<>();
            for (Player player : samePerson(person)) {
                if (player.status() == PlayerStatus.ACTIVE || player.status().mayStillWithdraw()) {
                    exclude(player, exclusion, cause, true);
                    accounts.add(player);
                }
            }
            return accounts;
        });
        String tenant = TenantContext.require().slug().value();
        for (Player player : excluded) {
            try {
                identities.endSessions(tenant, player.identityUserId());
            } catch (RuntimeException e) {
                log.warn("player {} is excluded but its Keycloak sessions could not be ended: {}", player.id(), e.getMessage());
            }
        }
        return excluded.stream().map(Player::view).toList();
    }

    private void exclude(Player player, PlayerRestrictions.Exclusion exclusion, String cause, boolean signOut) {
        // a self-exclusion outranks a time-out; a time-out never shortens or softens a self-exclusion
        PlayerStatus target = player.status() == PlayerStatus.SELF_EXCLUDED ? PlayerStatus.SELF_EXCLUDED : exclusion.status();
        audit.record(AuditEntry.of("player.status_changed", player.id()).with("from", player.status().wireName())
                .with("to", target.wireName()).with("cause", cause)
                .with("until", exclusion.until() == null ? null : exclusion.until().toString()));
        player.moveTo(target, clock.instant());
        if (signOut) {
            sessions.endAll(player.id(), clock.instant());
        }
        log.info("player {} is now {} ({})", player.id(), target.wireName(), cause);
    }

    /** The accounts of the same person on the operator's brands: the same email, or the same names and date of birth. */
    public List<PlayerView> accountsOfPerson(PlayerView person) {
        return transactions.execute(status -> samePerson(person).stream().map(Player::view).toList());
    }

    private List<Player> samePerson(PlayerView person) {
        return players.findSamePerson(person.email(), person.firstName().strip(), person.lastName().strip(),
                person.dateOfBirth());
    }

    /** The player's sign-in sessions in use at or after {@code since}, oldest first (for session-time limits). */
    public List<SessionSpan> sessionsSince(UUID playerId, java.time.Instant since) {
        return transactions.execute(status -> sessions.since(playerId, since));
    }

    /** One sign-in session by its reference (the token's {@code sid}). */
    public Optional<SessionSpan> session(String sessionRef) {
        return transactions.execute(status -> sessions.span(sessionRef));
    }

    /**
     * Signs the player out of this session: its tokens are refused from now on, and Keycloak's session (and its
     * refresh token) ends too. Signing out twice changes nothing.
     */
    boolean signOut(String identityUserId, String sessionRef) {
        Optional<Player> player = transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(found -> {
            sessions.end(found.id(), sessionRef, clock.instant());
            return found;
        }));
        if (player.isEmpty()) {
            return false;
        }
        identities.endSession(TenantContext.require().slug().value(), sessionRef);
        log.info("player {} signed out of session {}", player.get().id(), sessionRef);
        return true;
    }

    /**
     * Moves an account to a state; any state but active also disables sign-in and ends open sessions. An account
     * that screening holds (an open or confirmed sanctions hit) goes to blocked instead of active. An excluded
     * account is not made active before its exclusion ends ({@link Transition.ExclusionInForce}); a suspended one
     * under an exclusion goes back to the exclusion.
     */
    Transition moveTo(UUID playerId, PlayerStatus requested) {
        PlayerStatus screened = requested == PlayerStatus.ACTIVE && screening.holds(playerId) ? PlayerStatus.BLOCKED : requested;
        record Outcome(Transition transition, String userId) {
        }
        Outcome outcome = transactions.execute(status -> players.findById(playerId).map(player -> {
            PlayerStatus target = screened;
            if (target == PlayerStatus.ACTIVE) {
                // no one lifts a time-out or self-exclusion early; a suspension lifted meanwhile leads back to it
                Optional<PlayerRestrictions.Exclusion> exclusion = restrictions.inForce(player.view());
                if (exclusion.isPresent() && player.status().mayStillWithdraw()) {
                    return new Outcome(new Transition.ExclusionInForce(player.view(), exclusion.get()), null);
                }
                if (exclusion.isPresent()) {
                    target = exclusion.get().status();
                }
            }
            audit.record(AuditEntry.of("player.status_changed", playerId).with("from", player.status().wireName())
                    .with("to", target.wireName()));
            player.moveTo(target, clock.instant());
            return new Outcome(new Transition.Moved(player.view()), player.identityUserId());
        }).orElseGet(() -> new Outcome(new Transition.UnknownPlayer(), null)));
        if (outcome.transition() instanceof Transition.Moved moved) {
            PlayerStatus target = PlayerStatus.fromWireName(moved.player().status());
            // an excluded player keeps their sign-in: they may still withdraw their balance
            identities.setEnabled(TenantContext.require().slug().value(), outcome.userId(),
                    target == PlayerStatus.ACTIVE || target.mayStillWithdraw());
            log.info("player {} is now {}", playerId, target.wireName());
        }
        return outcome.transition();
    }

    /**
     * The accounts of the bound tenant in id order, {@code limit} at a time after {@code after} (null: from the
     * first): for work that visits every player in batches, such as re-screening on a new sanctions list.
     */
    public List<PlayerView> inIdOrder(UUID after, int limit) {
        return transactions.execute(status -> (after == null
                ? players.findAllByOrderByIdAsc(Limit.of(limit))
                : players.findByIdGreaterThanOrderByIdAsc(after, Limit.of(limit)))
                .stream().map(Player::view).toList());
    }

    /**
     * Blocks an active account on a sanctions screening hit: calls are refused with {@code account_blocked}, sign-in
     * is disabled and open sessions end. An account in another state keeps it (support's reinstatement then leads to
     * blocked, see {@link #moveTo}). Answers whether the account was blocked now.
     */
    public boolean blockForScreening(UUID playerId) {
        Optional<Player> blocked = transactions.execute(status -> players.findById(playerId)
                .filter(player -> player.status() == PlayerStatus.ACTIVE)
                .map(player -> {
                    audit.record(AuditEntry.of("player.status_changed", playerId).with("from", player.status().wireName())
                            .with("to", PlayerStatus.BLOCKED.wireName()).with("cause", "sanctions screening"));
                    player.moveTo(PlayerStatus.BLOCKED, clock.instant());
                    return player;
                }));
        if (blocked.isEmpty()) {
            return false;
        }
        log.info("player {} blocked by a sanctions screening hit", playerId);
        disableSignIn(TenantContext.require().slug().value(), blocked.get().identityUserId(), playerId);
        return true;
    }

    /**
     * Unblocks an account screening blocked once nothing holds it any more (every hit cleared): it is active again and
     * may sign in. Answers whether it was unblocked; an account in any other state is left as it is.
     */
    public boolean liftScreeningBlock(UUID playerId) {
        if (screening.holds(playerId)) {
            return false;
        }
        Optional<Player> lifted = transactions.execute(status -> players.findById(playerId)
                .filter(player -> player.status() == PlayerStatus.BLOCKED)
                .map(player -> {
                    audit.record(AuditEntry.of("player.status_changed", playerId).with("from", player.status().wireName())
                            .with("to", PlayerStatus.ACTIVE.wireName()).with("cause", "sanctions screening cleared"));
                    player.moveTo(PlayerStatus.ACTIVE, clock.instant());
                    return player;
                }));
        if (lifted.isEmpty()) {
            return false;
        }
        identities.setEnabled(TenantContext.require().slug().value(), lifted.get().identityUserId(), true);
        log.info("player {} unblocked: every sanctions screening hit cleared", playerId);
        return true;
    }

    /**
     * The account's state is what refuses its calls; disabling sign-in in Keycloak as well is done after the commit
     * and a failure there is logged, not undone.
     */
    private void disableSignIn(String tenant, String userId, UUID playerId) {
        try {
            identities.setEnabled(tenant, userId, false);
        } catch (RuntimeException e) {
            log.warn("player {} is blocked but sign-in could not be disabled in Keycloak: {}", playerId, e.getMessage());
        }
    }
}
