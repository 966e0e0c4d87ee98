package com.sportsbook.runtime.wallet;

import java.util.Currency;
import java.util.Objects;
import java.util.UUID;

/** Names a ledger account; the account is opened on first use. */
public sealed interface AccountRef {

    String brand();

    Currency currency();

    /** A player's account: cash, bonus or locked, per brand and currency. */
    record Player(UUID playerId, String brand, Currency currency, AccountKind kind) implements AccountRef {
        public Player {
            Objects.requireNonNull(playerId, "playerId");
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /** One of the operator's accounts, per brand and currency. */
    record House(String brand, Currency currency, HouseAccountKind kind) implements AccountRef {
        public House {
            Objects.requireNonNull(brand, "brand");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(kind, "kind");
        }
    }

    static Player cash(UUID playerId, String brand, Currency currency) {
        return new Player(playerId, brand, currency, AccountKind.CASH);
    }

    static House house(String brand, Currency currency, HouseAccountKind kind) {
        return new House(brand, currency, kind);
    }
}
