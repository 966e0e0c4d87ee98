package com.sportsbook.runtime.wallet.web;

import com.sportsbook.commons.money.MoneyAmounts;
import com.sportsbook.commons.routing.BrandRoute;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import com.sportsbook.runtime.wallet.ledger.LedgerChecks;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Finance's wallet tools: manual adjustments (goodwill credits, corrections) with an idempotency key, the reason and
 * the acting staff member on the journal; and the ledger's invariant checks, run on demand and listed.
 */
@RestController
class BackofficeWalletController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final Wallet wallet;
    private final LedgerChecks checks;
    private final Players players;
    private final TenantDirectory directory;

    BackofficeWalletController(Wallet wallet, LedgerChecks checks, Players players, TenantDirectory directory) {
        this.wallet = wallet;
        this.checks = checks;
        this.players = players;
        this.directory = directory;
    }

    /**
     * @param amount minor units; a JSON number, checked to be a whole number here (a float would otherwise be cut)
     * @param account {@code cash} or {@code bonus}
     * @param direction {@code credit} (to the player) or {@code debit}
     */
    record AdjustmentRequest(UUID playerId, String account, String direction, BigDecimal amount, String currency,
            String reason) {
    }

    record AdjustmentResult(UUID transactionId, UUID playerId, String account, String direction, long amount,
            String currency) {
    }

    @PostMapping("/api/v1/backoffice/wallet/adjustments")
    @Operation(summary = "Credit or debit a player's cash or bonus, with a reason; takes an Idempotency-Key header")
    ResponseEntity<?> adjust(@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody AdjustmentRequest request, JwtAuthenticationToken token) {
        if (key == null || key.isBlank() || key.length() > 100) {
            return WalletProblems.invalid(IDEMPOTENCY_KEY, "a money command needs an Idempotency-Key header of 1 to 100 characters");
        }
        if (request.playerId() == null) {
            return WalletProblems.invalid("playerId", "is required");
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 300) {
            return WalletProblems.invalid("reason", "is required, up to 300 characters");
        }
        if (!"cash".equals(request.account()) && !"bonus".equals(request.account())) {
            return WalletProblems.invalid("account", "must be cash or bonus");
        }
        if (!"credit".equals(request.direction()) && !"debit".equals(request.direction())) {
            return WalletProblems.invalid("direction", "must be credit or debit");
        }
        Optional<PlayerView> player = players.byId(request.playerId());
        if (player.isEmpty()) {
            return WalletProblems.invalid("playerId", "there is no such player");
        }
        List<String> enabled = directory.brand(player.get().brand()).map(BrandRoute::currencies).orElse(List.of());
        MoneyAmounts.Parsed parsed = MoneyAmounts.parse(request.amount(), request.currency(), new HashSet<>(enabled));
        if (parsed instanceof MoneyAmounts.Parsed.Invalid invalid) {
            return WalletProblems.invalid(invalid.problem().field(), invalid.problem().message());
        }
        long minor = ((MoneyAmounts.Parsed.Valid) parsed).money().minor();
        Currency currency = Currency.getInstance(request.currency());
        boolean bonus = "bonus".equals(request.account());
        AccountRef playerAccount = new AccountRef.Player(player.get().id(), player.get().brand(), currency,
                bonus ? AccountKind.BONUS : AccountKind.CASH);
        AccountRef house = new AccountRef.House(player.get().brand(), currency,
                bonus ? HouseAccountKind.BONUS_COST : HouseAccountKind.REVENUE);
        long signed = "credit".equals(request.direction()) ? minor : -minor;
        WalletOutcome outcome = wallet.execute(new WalletCommand.Transfer("adjustment:" + key,
                bonus ? TransactionKind.BONUS : TransactionKind.ADJUSTMENT,
                List.of(new Posting(playerAccount, signed), new Posting(house, -signed)),
                "adjustment:" + key, request.reason().strip() + " (by " + token.getToken().getSubject() + ")"));
        return switch (outcome) {
            case WalletOutcome.Applied applied -> ResponseEntity.status(HttpStatus.CREATED)
                    .header(REPLAYED, Boolean.toString(applied.replayed()))
                    .body(new AdjustmentResult(applied.transactionId(), player.get().id(), request.account(),
                            request.direction(), minor, request.currency()));
            case WalletOutcome.Rejected rejected -> WalletProblems.rejected(rejected.reason(), rejected.detail());
        };
    }

    @PostMapping("/api/v1/backoffice/wallet/checks")
    @Operation(summary = "Run the ledger's invariant checks now and record the result")
    ResponseEntity<LedgerChecks.Result> runCheck() {
        return ResponseEntity.status(HttpStatus.CREATED).body(checks.run("on_demand"));
    }

    @GetMapping("/api/v1/backoffice/wallet/checks")
    @Operation(summary = "The latest ledger checks, scheduled and on demand, newest first")
    ResponseEntity<?> recentChecks(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 100) {
            return WalletProblems.invalid("limit", "must be between 1 and 100");
        }
        return ResponseEntity.ok(Map.of("items", checks.recent(limit)));
    }
}
