package com.sportsbook.runtime.catalog;

import com.sportsbook.runtime.pricing.OddsFormat;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Which format prices are shown in: the one asked for in the request, else the signed-in player's choice, else the
 * brand's ({@code oddsFormat} in its theme), else decimal.
 */
@Component
public class OddsFormats {

    private final JdbcClient jdbc;
    private final TenantDirectory directory;

    OddsFormats(JdbcClient jdbc, TenantDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public static Optional<OddsFormat> parse(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OddsFormat.fromWire(wire));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    public OddsFormat resolve(OddsFormat asked, Authentication caller) {
        if (asked != null) {
            return asked;
        }
        return playerChoice(caller).or(this::brandChoice).orElse(OddsFormat.DECIMAL);
    }

    public Optional<OddsFormat> playerChoice(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT odds_format FROM player_odds_format WHERE subject = ?").param(token.getToken().getSubject())
                .query(String.class).optional().flatMap(OddsFormats::parse);
    }

    public void choose(String subject, OddsFormat format, Instant at) {
        jdbc.sql("""
                INSERT INTO player_odds_format (subject, odds_format, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (subject) DO UPDATE SET odds_format = excluded.odds_format, updated_at = excluded.updated_at""")
                .params(subject, format.name().toLowerCase(Locale.ROOT), Timestamp.from(at)).update();
    }

    private Optional<OddsFormat> brandChoice() {
        String brand = TenantContext.require().brand();
        return brand == null ? Optional.empty()
                : directory.brand(brand).map(route -> route.theme().get("oddsFormat")).map(Object::toString).flatMap(OddsFormats::parse);
    }
}
