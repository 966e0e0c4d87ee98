package com.sportsbook.runtime.identity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Player users kept in memory instead of a tenant's Keycloak realm, for integration tests of registration and account
 * states without Keycloak: {@link #enabled} tells whether a user may sign in. Import {@link Configuration} into a
 * test's context; {@link #register} and {@link #reinstate} reach the package's registration and staff transitions.
 */
public class InMemoryPlayerIdentities extends KeycloakPlayers {

    private final Map<String, Boolean> users = new ConcurrentHashMap<>();
    private final Map<String, String> byEmail = new ConcurrentHashMap<>();

    InMemoryPlayerIdentities() {
        super(null);
    }

    @TestConfiguration
    public static class Configuration {
        @Bean
        @Primary
        InMemoryPlayerIdentities inMemoryPlayerIdentities() {
            return new InMemoryPlayerIdentities();
        }
    }

    @Override
    Created create(String tenant, PlayerRegistration registration) {
        String id = UUID.randomUUID().toString();
        users.put(id, true);
        byEmail.put(registration.email().toLowerCase(Locale.ROOT), id);
        return new Created.User(id);
    }

    @Override
    void delete(String tenant, String userId) {
        users.remove(userId);
    }

    @Override
    void setEnabled(String tenant, String userId, boolean enabled) {
        users.put(userId, enabled);
    }

    @Override
    void endSession(String tenant, String sessionId) {
        // no sessions here
    }

    @Override
    void endSessions(String tenant, String userId) {
        // no sessions here
    }

    /** Whether the user registered with this email may sign in; empty for an unknown email. */
    public Optional<Boolean> enabled(String email) {
        return Optional.ofNullable(byEmail.get(email.toLowerCase(Locale.ROOT))).map(users::get);
    }

    /** Registers through the real registration path (rules, store, screening); the stored player, or the refusal. */
    public static PlayerView register(Players players, PlayerRegistration registration) {
        return switch (players.register(registration)) {
            case Players.Registration.Registered registered -> registered.player();
            case Players.Registration.Refused refused -> throw new AssertionError("registration refused: " + refused);
        };
    }

    /** Staff lifting a suspension ({@code DELETE .../suspension}); the account as it is afterwards. */
    public static PlayerView reinstate(Players players, UUID playerId) {
        return switch (players.moveTo(playerId, PlayerStatus.ACTIVE)) {
            case Players.Transition.Moved moved -> moved.player();
            case Players.Transition.UnknownPlayer unknown -> throw new AssertionError("no player " + playerId);
            case Players.Transition.ExclusionInForce inForce -> inForce.player();
        };
    }

    /** Staff suspending an account ({@code POST .../suspension}). */
    public static PlayerView suspend(Players players, UUID playerId) {
        return switch (players.moveTo(playerId, PlayerStatus.SUSPENDED)) {
            case Players.Transition.Moved moved -> moved.player();
            case Players.Transition.UnknownPlayer unknown -> throw new AssertionError("no player " + playerId);
            case Players.Transition.ExclusionInForce inForce -> inForce.player();
        };
    }
}
