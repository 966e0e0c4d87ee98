package com.sportsbook.runtime.wallet.web;

import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.Balance;
import com.sportsbook.runtime.wallet.Statement;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A player's own wallet: balances (bonus apart), paged history with filters, and lifetime net deposits. */
@RestController
class PlayerWalletController {

    static final int MAX_PAGE = 100;

    private final Wallet wallet;
    private final Players players;

    PlayerWalletController(Wallet wallet, Players players) {
        this.wallet = wallet;
        this.players = players;
    }

    /**
     * One currency's accounts side by side; {@code withdrawable} is available cash; {@code debt} is what the player
     * owes after a correction took more than the balance had, repaid first from the next deposit or payout.
     */
    record CurrencyBalance(String currency, long cash, long bonus, long locked, long held, long withdrawable,
            long debt) {
    }

    record Balances(List<CurrencyBalance> balances) {
    }

    @GetMapping("/api/v1/wallet/balances")
    @Operation(summary = "The player's balances per currency in minor units: cash, bonus (apart), locked, held, debt")
    ResponseEntity<?> balances(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return WalletProblems.noPlayer();
        }
        Map<String, Map<AccountKind, Balance>> byCurrency = new TreeMap<>();
        byCurrency.put(player.get().currency(), new EnumMap<>(AccountKind.class));
        for (Balance balance : wallet.balances(player.get().id(), player.get().brand())) {
            AccountKind kind = ((AccountRef.Player) balance.account()).kind();
            byCurrency.computeIfAbsent(balance.account().currency().getCurrencyCode(), code -> new EnumMap<>(AccountKind.class))
                    .put(kind, balance);
        }
        List<CurrencyBalance> rows = new ArrayList<>();
        byCurrency.forEach((currency, accounts) -> {
            Balance cash = accounts.get(AccountKind.CASH);
            long held = cash == null ? 0 : cash.held();
            rows.add(new CurrencyBalance(currency, balanceOf(accounts, AccountKind.CASH),
                    balanceOf(accounts, AccountKind.BONUS), balanceOf(accounts, AccountKind.LOCKED), held,
                    balanceOf(accounts, AccountKind.CASH) - held,
                    accounts.values().stream().mapToLong(Balance::debt).sum()));
        });
        return ResponseEntity.ok(new Balances(rows));
    }

    private static long balanceOf(Map<AccountKind, Balance> accounts, AccountKind kind) {
        Balance balance = accounts.get(kind);
        return balance == null ? 0 : balance.balance();
    }

    record Line(long id, UUID transactionId, String kind, String account, String currency, long amount,
            long balanceAfter, String reference, String description, Instant at) {
        static Line of(Statement.Line line) {
            return new Line(line.id(), line.transactionId(), line.kind().wireName(), line.account().wireName(),
                    line.currency(), line.amount(), line.balanceAfter(), line.reference(), line.description(), line.at());
        }
    }

    record History(List<Line> items, String nextCursor) {
    }

    @GetMapping("/api/v1/wallet/transactions")
    @Operation(summary = "The player's account history, newest first, with cursor paging and filters")
    ResponseEntity<?> history(JwtAuthenticationToken token,
            @RequestParam(required = false) String currency,
            @RequestParam(required = false) List<String> kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return WalletProblems.noPlayer();
        }
        if (limit < 1 || limit > MAX_PAGE) {
            return WalletProblems.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        Currency wanted = null;
        if (currency != null) {
            try {
                wanted = Currency.getInstance(currency);
            } catch (IllegalArgumentException unknown) {
                return WalletProblems.invalid("currency", "'" + currency + "' is not an ISO 4217 currency");
            }
        }
        Set<TransactionKind> kinds = EnumSet.noneOf(TransactionKind.class);
        for (String wire : kind == null ? List.<String>of() : kind) {
            try {
                kinds.add(TransactionKind.fromWire(wire));
            } catch (IllegalArgumentException unknown) {
                return WalletProblems.invalid("kind", "'" + wire + "' is not a transaction kind");
            }
        }
        Instant start;
        Instant end;
        try {
            start = from == null ? null : Instant.parse(from);
            end = to == null ? null : Instant.parse(to);
        } catch (DateTimeParseException bad) {
            return WalletProblems.invalid(from != null && !isInstant(from) ? "from" : "to",
                    "must be an ISO-8601 instant such as 2026-11-25T21:00:00Z");
        }
        Long after;
        try {
            after = cursor == null ? null : Long.parseLong(cursor);
        } catch (NumberFormatException bad) {
            return WalletProblems.invalid("cursor", "is not a cursor this API returned");
        }
        Statement.Page page = wallet.statement(new Statement.Query(player.get().id(), player.get().brand(), wanted, kinds,
                start, end, after, limit));
        return ResponseEntity.ok(new History(page.lines().stream().map(Line::of).toList(),
                page.nextCursor() == null ? null : page.nextCursor().toString()));
    }

    record Totals(String currency, long deposits, long withdrawals, long netDeposits) {
    }

    record Summary(List<Totals> lifetime) {
    }

    @GetMapping("/api/v1/wallet/summary")
    @Operation(summary = "Lifetime deposits, paid withdrawals and net deposits per currency, in minor units")
    ResponseEntity<?> summary(JwtAuthenticationToken token) {
        Optional<PlayerView> player = players.bySubject(token.getToken().getSubject());
        if (player.isEmpty()) {
            return WalletProblems.noPlayer();
        }
        List<Totals> totals = wallet.lifetimeTotals(player.get().id(), player.get().brand()).stream()
                .map(t -> new Totals(t.currency(), t.deposits(), t.withdrawals(), t.netDeposits())).toList();
        return ResponseEntity.ok(new Summary(totals));
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException bad) {
            return false;
        }
    }
}
