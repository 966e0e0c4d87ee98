package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.wallet.AccountRef;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Finds ledger accounts by what they are (player or house, brand, currency, kind) and opens them on first use.
 * Account ids never change, so they are cached per tenant schema, but only once the transaction that saw them has
 * committed: an account opened by a transaction that rolls back must not be remembered.
 */
final class AccountIds {

    private static final int MAX_CACHED = 200_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, UUID> committed = new ConcurrentHashMap<>();

    AccountIds(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    UUID idOf(AccountRef account) {
        String key = TenantContext.require().schema().name() + '|' + account;
        UUID cached = committed.get(key);
        if (cached != null) {
            return cached;
        }
        UUID id = find(account).orElseGet(() -> open(account));
        rememberAfterCommit(key, id);
        return id;
    }

    Optional<UUID> existing(AccountRef account) {
        String key = TenantContext.require().schema().name() + '|' + account;
        UUID cached = committed.get(key);
        return cached != null ? Optional.of(cached) : find(account);
    }

    private Optional<UUID> find(AccountRef account) {
        return switch (account) {
            case AccountRef.Player player -> jdbc.sql("""
                    SELECT id FROM wallet_account
                    WHERE owner = 'player' AND player_id = ? AND brand = ? AND currency = ? AND kind = ?""")
                    .params(player.playerId(), player.brand(), player.currency().getCurrencyCode(), player.kind().wireName())
                    .query(UUID.class).optional();
            case AccountRef.House house -> jdbc.sql("""
                    SELECT id FROM wallet_account
                    WHERE owner = 'house' AND brand = ? AND currency = ? AND kind = ?""")
                    .params(house.brand(), house.currency().getCurrencyCode(), house.kind().wireName())
                    .query(UUID.class).optional();
        };
    }

    /** Opens the account; when another transaction opens it at the same moment, that one's account is used. */
    private UUID open(AccountRef account) {
        boolean player = account instanceof AccountRef.Player;
        UUID playerId = account instanceof AccountRef.Player p ? p.playerId() : null;
        String kind = switch (account) {
            case AccountRef.Player p -> p.kind().wireName();
            case AccountRef.House h -> h.kind().wireName();
        };
        jdbc.sql("""
                INSERT INTO wallet_account (id, owner, player_id, brand, currency, kind, balance, held, debt, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(UUID.randomUUID(), player ? "player" : "house", playerId, account.brand(),
                        account.currency().getCurrencyCode(), kind, player ? 0L : null, player ? 0L : null,
                        player ? 0L : null, java.sql.Timestamp.from(clock.instant()))
                .update();
        return find(account).orElseThrow(() -> new IllegalStateException("account " + account + " was not opened"));
    }

    private void rememberAfterCommit(String key, UUID id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (committed.size() < MAX_CACHED) {
                    committed.put(key, id);
                }
            }
        });
    }
}
