package com.sportsbook.runtime.payments.web;

import com.sportsbook.commons.ErrorCodes;
import com.sportsbook.commons.money.MoneyAmounts;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.commons.web.Problems;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What every player money request checks before anything moves: a player profile behind the token, an
 * Idempotency-Key, and an amount in whole minor units of a currency the player's brand has enabled.
 */
@Component
class PlayerMoneyRequests {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    sealed interface Checked {
        /** @param brandHost where the provider reaches this brand (its first host) */
        record Valid(PlayerView player, String brandHost, long minor, String currency) implements Checked {
        }

        record Refused(ResponseEntity<?> response) implements Checked {
        }
    }

    private final Players players;
    private final TenantDirectory directory;

    PlayerMoneyRequests(Players players, TenantDirectory directory) {
        this.players = players;
        this.directory = directory;
    }

    Checked check(JwtAuthenticationToken token, String key, BigDecimal amount, String currency, String what) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return new Checked.Refused(Problems.response(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                    "This account has no player profile on this brand."));
        }
        if (key == null || key.isBlank() || key.length() > 100) {
            return new Checked.Refused(invalid(what, IDEMPOTENCY_KEY,
                    "a money command needs an Idempotency-Key header of 1 to 100 characters"));
        }
        Optional<BrandRoute> brand = directory.brand(player.get().brand());
        MoneyAmounts.Parsed parsed = MoneyAmounts.parse(amount, currency,
                new HashSet<>(brand.map(BrandRoute::currencies).orElse(List.of())));
        if (parsed instanceof MoneyAmounts.Parsed.Invalid invalid) {
            return new Checked.Refused(invalid(what, invalid.problem().field(), invalid.problem().message()));
        }
        return new Checked.Valid(player.get(), brand.map(route -> route.hosts().getFirst()).orElseThrow(),
                ((MoneyAmounts.Parsed.Valid) parsed).money().minor(), currency);
    }

    private static ResponseEntity<?> invalid(String what, String field, String message) {
        return Problems.invalidField("The " + what + " cannot be carried out as sent; nothing moved.", field, message);
    }
}
