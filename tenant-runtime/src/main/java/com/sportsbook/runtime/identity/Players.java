package com.sportsbook.runtime.identity;

import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    }

    private final PlayerRepository players;
    private final PlayerSessions sessions;
    private final KeycloakPlayers identities;
    private final TenantDirectory directory;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Players(PlayerRepository players, PlayerSessions sessions, KeycloakPlayers identities, TenantDirectory directory,
            TransactionTemplate transactions, Clock clock) {
        this.players = players;
        this.sessions = sessions;
        this.identities = identities;
        this.directory = directory;
        this.transactions = transactions;
        this.clock = clock;
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
        KeycloakPlayers.Created created = identities.create(tenant.slug().value(), registration);
        return switch (created) {
            case KeycloakPlayers.Created.EmailTaken taken -> emailTaken();
            case KeycloakPlayers.Created.WeakPassword weak -> new Registration.Refused(422, List.of(
                    new RegistrationRules.Rejection("weak_password", "password", "the password is too weak: " + weak.reason())));
            case KeycloakPlayers.Created.User user -> store(tenant, user.id(), registration);
        };
    }

    private Registration store(BoundTenant tenant, String userId, PlayerRegistration registration) {
        try {
            PlayerView player = transactions.execute(status ->
                    players.save(new Player(userId, tenant.brand(), registration, clock.instant())).view());
            log.info("player {} registered on brand {}", player.id(), tenant.brand());
            return new Registration.Registered(player);
        } catch (RuntimeException e) {
            identities.delete(tenant.slug().value(), userId);
            throw e;
        }
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

    /** The profile with the current sign-in session and the one before it. */
    record Profile(PlayerView player, PlayerSessions.Session currentSession, PlayerSessions.Session previousSession) {
    }

    Optional<Profile> profile(String identityUserId, String sessionRef) {
        return transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(player -> new Profile(
                player.view(),
                sessionRef == null ? null : sessions.current(sessionRef).orElse(null),
                sessionRef == null ? null : sessions.previous(player.id(), sessionRef).orElse(null))));
    }

    /** The account's state at a call, and whether the token's session was signed out of. */
    record Admission(PlayerStatus status, boolean sessionEnded) {
    }

    /**
     * Every call of a signed-in player passes here: it answers the account's state and whether the session has been
     * signed out of, and for an active, live session records the call. Empty when the token is not a player's.
     */
    Optional<Admission> admit(String identityUserId, String sessionRef) {
        return transactions.execute(status -> players.findByIdentityUserId(identityUserId).map(player -> {
            boolean ended = sessionRef != null && sessions.ended(sessionRef);
            if (player.status() == PlayerStatus.ACTIVE && sessionRef != null && !ended) {
                sessions.touch(player.id(), sessionRef, clock.instant());
            }
            if (player.status() == PlayerStatus.ACTIVE && !ended) {
                rememberForThisRequest(identityUserId, player.view());
            }
            return new Admission(player.status(), ended);
        }));
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

    /** Moves an account to a state; any state but active also disables sign-in and ends open sessions. */
    Transition moveTo(UUID playerId, PlayerStatus target) {
        Optional<Player> moved = transactions.execute(status -> players.findById(playerId).map(player -> {
            player.moveTo(target, clock.instant());
            return player;
        }));
        if (moved.isEmpty()) {
            return new Transition.UnknownPlayer();
        }
        identities.setEnabled(TenantContext.require().slug().value(), moved.get().identityUserId(), target == PlayerStatus.ACTIVE);
        log.info("player {} is now {}", playerId, target.wireName());
        return new Transition.Moved(moved.get().view());
    }
}
