package com.sportsbook.runtime.wallet.ledger;

import com.sportsbook.commons.ids.TimeOrderedIds;
import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.Balance;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.Statement;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import com.sportsbook.runtime.wallet.core.LedgerRules;
import com.sportsbook.runtime.wallet.core.LedgerRules.AccountState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger on PostgreSQL. A command first claims its idempotency key (a concurrent command with the same key
 * waits on that row and then replays this one's outcome), then locks the player accounts it touches in id order
 * (no deadlocks), checks them with {@link LedgerRules}, and writes the transaction, its postings and the new player
 * balances. House accounts are only ever inserted into, never locked. A staged transfer (a bet's stake, see
 * {@link Wallet#stage}) runs the same checks and writes the same rows, its statements sent in the caller's round
 * trips: the account's lock with the caller's reads, the claim and the entry with the caller's writes.
 *
 * <p>Player debt lives on the locked player account ({@code debt}, with one {@code wallet_debt_movement} per change)
 * and is mirrored by the brand's {@link HouseAccountKind#PLAYER_DEBT} account: a reversal allowing debt books the
 * shortfall there, and a deposit or payout to an indebted player's cash is followed, in the same database
 * transaction, by a {@link TransactionKind#DEBT_REPAYMENT} that takes the debt out of the credit first.
 */
final class JdbcLedger implements Wallet {

    /** Appended to the crediting command's idempotency key to name the debt repayment that follows it. */
    static final String DEBT_REPAYMENT_SUFFIX = ":debt-repayment";

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;
    private final Clock clock;
    private final AccountIds accounts;
    private final AuditTrail audit;
    /** The writes of a command run on its own: each sent at once. */
    private final Writes atOnce;

    JdbcLedger(JdbcClient jdbc, TransactionOperations transactions, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.accounts = new AccountIds(jdbc, clock);
        this.audit = audit;
        this.atOnce = (sql, params) -> jdbc.sql(sql).params(params).update();
    }

    /** Where a command's writes go: to the database one by one, or into a caller's round trip (sent when it runs). */
    @FunctionalInterface
    private interface Writes {
        void write(String sql, Object... params);

        static Writes into(RoundTrip trip) {
            return (sql, params) -> trip.update(sql, Arrays.asList(params));
        }
    }

    @Override
    public WalletOutcome execute(WalletCommand command) {
        requireKey(command);
        return transactions.execute(status -> claimAndRun(command));
    }

    private static void requireKey(WalletCommand command) {
        if (command.idempotencyKey() == null || command.idempotencyKey().isBlank() || command.idempotencyKey().length() > 200) {
            throw new IllegalArgumentException("every money command needs an idempotency key of 1 to 200 characters");
        }
    }

    @Override
    public StagedTransfer stage(WalletCommand.Transfer transfer, RoundTrip reads) {
        requireKey(transfer);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a staged transfer runs in the caller's transaction, and there is none");
        }
        Optional<OnePlayer> onePlayer = onePlayer(transfer);
        if (onePlayer.isEmpty()) {
            return writes -> claimAndRun(transfer);
        }
        UUID player = onePlayer.get().player();
        RoundTrip.Answer<AccountState> account = reads.query(LOCK_PLAYER, List.of(player), rows -> {
            if (!rows.next()) {
                throw new IllegalStateException("account " + player + " was opened but is not there");
            }
            return accountState(rows);
        });
        return writes -> postStaged(transfer, onePlayer.get(), account.get(), Writes.into(writes));
    }

    /**
     * The staged transfer's claim written with its outcome, in one insert (the key is new, see {@link Wallet#stage}):
     * inside its journal entry's statement when applied, on its own with the rejection when refused.
     */
    private WalletOutcome postStaged(WalletCommand.Transfer transfer, OnePlayer onePlayer, AccountState state, Writes writes) {
        Map<UUID, AccountState> locked = new HashMap<>();
        locked.put(onePlayer.player(), state);
        Claim.New claim = new Claim.New(transfer.idempotencyKey(), name(transfer), RequestHash.of(transfer), now());
        WalletOutcome outcome = post(transfer, onePlayer.legs(), locked, claim, writes);
        if (outcome instanceof WalletOutcome.Rejected rejected) {
            writes.write("""
                    INSERT INTO wallet_command (idempotency_key, command, request_hash, created_at, outcome, rejection, detail)
                    VALUES (?, ?, ?, ?, 'rejected', ?, ?)""",
                    claim.key(), claim.command(), claim.requestHash(), claim.at(), rejected.reason().code(),
                    truncate(rejected.detail()));
        }
        return outcome;
    }

    /**
     * The command whose applied outcome a journal entry records: a claim already written (its outcome filled in), or
     * a claim written by the entry's own statement, outcome included (a staged transfer's).
     */
    private sealed interface Claim {
        String key();

        record Written(String key) implements Claim {
        }

        record New(String key, String command, String requestHash, Timestamp at) implements Claim {
        }
    }

    private WalletOutcome claimAndRun(WalletCommand command) {
        String name = name(command);
        String hash = RequestHash.of(command);
        Optional<OnePlayer> onePlayer = command instanceof WalletCommand.Transfer transfer ? onePlayer(transfer) : Optional.empty();
        WalletOutcome outcome;
        if (onePlayer.isPresent()) {
            // the usual movement (a stake, a payout, a deposit): the claim and the player's account lock in one statement
            Optional<AccountState> state = claimLocking(command.idempotencyKey(), name, hash, onePlayer.get().player());
            if (state.isEmpty()) {
                return replay(command.idempotencyKey(), name, hash);
            }
            Map<UUID, AccountState> locked = new HashMap<>();
            locked.put(onePlayer.get().player(), state.get());
            outcome = post((WalletCommand.Transfer) command, onePlayer.get().legs(), locked,
                    new Claim.Written(command.idempotencyKey()), atOnce);
        } else {
            int claimed = jdbc.sql("""
                    INSERT INTO wallet_command (idempotency_key, command, request_hash, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING""")
                    .params(command.idempotencyKey(), name, hash, now()).update();
            if (claimed == 0) {
                return replay(command.idempotencyKey(), name, hash);
            }
            outcome = switch (command) {
                case WalletCommand.Transfer transfer -> transfer(transfer);
                case WalletCommand.PlaceHold hold -> hold(hold);
                case WalletCommand.CaptureHold capture -> capture(capture);
                case WalletCommand.ReleaseHold release -> release(release);
                case WalletCommand.Reverse reverse -> reverse(reverse.idempotencyKey(), reverse.transactionId(),
                        reverse.reason(), false);
                case WalletCommand.ReverseAllowingDebt reverse -> reverse(reverse.idempotencyKey(), reverse.transactionId(),
                        reverse.reason(), true);
            };
        }
        if (!(command instanceof WalletCommand.Transfer && outcome instanceof WalletOutcome.Applied)) {
            record(command.idempotencyKey(), outcome, atOnce); // an applied transfer recorded it with its journal entry
        }
        return outcome;
    }

    /** A well-formed transfer that moves exactly one player account: its legs, and that account. */
    private record OnePlayer(List<Leg> legs, UUID player) {
    }

    private Optional<OnePlayer> onePlayer(WalletCommand.Transfer transfer) {
        if (LedgerRules.wellFormed(transfer).isPresent()) {
            return Optional.empty();
        }
        List<Leg> legs = legs(transfer);
        List<UUID> players = legs.stream().filter(Leg::player).map(Leg::accountId).distinct().toList();
        return players.size() == 1 ? Optional.of(new OnePlayer(legs, players.getFirst())) : Optional.empty();
    }

    /**
     * Claims the command's key and, only when it was free, locks the player's account, in one statement: the claim
     * runs first (a one-time filter ahead of the account scan), so the order of waits is the same as claiming and
     * then locking in two. Empty when the key was claimed before: nothing is locked then.
     */
    private Optional<AccountState> claimLocking(String key, String name, String hash, UUID playerAccount) {
        return jdbc.sql("""
                WITH claim AS (
                  INSERT INTO wallet_command (idempotency_key, command, request_hash, created_at) VALUES (?, ?, ?, ?)
                  ON CONFLICT (idempotency_key) DO NOTHING
                  RETURNING idempotency_key)
                SELECT balance, held, debt FROM wallet_account WHERE id = ? AND EXISTS (SELECT 1 FROM claim) FOR UPDATE""")
                .params(key, name, hash, now(), playerAccount)
                .query((rs, row) -> accountState(rs))
                .optional();
    }

    private static AccountState accountState(ResultSet row) throws SQLException {
        return new AccountState(row.getLong("balance"), row.getLong("held"), row.getLong("debt"));
    }

    private WalletOutcome replay(String key, String name, String hash) {
        Map<String, Object> first = jdbc.sql("""
                SELECT command, request_hash, outcome, transaction_id, hold_id, rejection, detail
                FROM wallet_command WHERE idempotency_key = ?""").param(key).query().singleRow();
        if (!name.equals(first.get("command")) || !hash.equals(first.get("request_hash"))) {
            return new WalletOutcome.Rejected(Rejection.IDEMPOTENCY_CONFLICT,
                    "this idempotency key was used for a different command", true);
        }
        if ("applied".equals(first.get("outcome"))) {
            return new WalletOutcome.Applied((UUID) first.get("transaction_id"), (UUID) first.get("hold_id"), true);
        }
        if ("rejected".equals(first.get("outcome"))) {
            return new WalletOutcome.Rejected(Rejection.fromCode((String) first.get("rejection")),
                    (String) first.get("detail"), true);
        }
        throw new IllegalStateException("command " + key + " has no outcome although its transaction committed");
    }

    private void record(String key, WalletOutcome outcome, Writes writes) {
        switch (outcome) {
            case WalletOutcome.Applied applied -> writes.write("""
                    UPDATE wallet_command SET outcome = 'applied', transaction_id = ?, hold_id = ? WHERE idempotency_key = ?""",
                    applied.transactionId(), applied.holdId(), key);
            case WalletOutcome.Rejected rejected -> writes.write("""
                    UPDATE wallet_command SET outcome = 'rejected', rejection = ?, detail = ? WHERE idempotency_key = ?""",
                    rejected.reason().code(), truncate(rejected.detail()), key);
        }
    }

    private WalletOutcome transfer(WalletCommand.Transfer transfer) {
        Optional<WalletOutcome.Rejected> malformed = LedgerRules.wellFormed(transfer);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        List<Leg> legs = legs(transfer);
        return post(transfer, legs, lockPlayers(legs.stream().filter(Leg::player).map(Leg::accountId).toList()),
                new Claim.Written(transfer.idempotencyKey()), atOnce);
    }

    private List<Leg> legs(WalletCommand.Transfer transfer) {
        List<Leg> legs = new ArrayList<>();
        for (Posting posting : transfer.postings()) {
            legs.add(new Leg(accounts.idOf(posting.account()), posting.account(), posting.amount()));
        }
        return legs;
    }

    /** A well-formed transfer's legs posted against the locked player accounts, or the first refusal. */
    private WalletOutcome post(WalletCommand.Transfer transfer, List<Leg> legs, Map<UUID, AccountState> locked, Claim claim,
            Writes writes) {
        Optional<WalletOutcome.Rejected> refused = firstRefusal(legs, locked);
        if (refused.isPresent()) {
            return refused.get();
        }
        UUID transactionId = journal(transfer.kind(), transfer.idempotencyKey(), null, transfer.reference(),
                transfer.description(), legs, locked, claim, writes);
        repayDebtFirst(transfer.idempotencyKey(), transfer.kind(), transactionId, legs, locked, writes);
        return new WalletOutcome.Applied(transactionId, null, false);
    }

    private WalletOutcome hold(WalletCommand.PlaceHold hold) {
        Optional<WalletOutcome.Rejected> malformed = LedgerRules.wellFormed(hold);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        UUID accountId = accounts.idOf(hold.account());
        UUID counterId = accounts.idOf(hold.counterAccount());
        AccountState state = lockPlayers(List.of(accountId)).get(accountId);
        Optional<WalletOutcome.Rejected> refused = LedgerRules.canHold(state, hold.amount());
        if (refused.isPresent()) {
            return refused.get();
        }
        UUID holdId = TimeOrderedIds.next();
        jdbc.sql("""
                INSERT INTO wallet_hold (id, account_id, counter_account_id, amount, capture_kind, status, reference, created_at)
                VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)""")
                .params(holdId, accountId, counterId, hold.amount(), hold.captureKind().wireName(), hold.reference(), now())
                .update();
        setPlayerBalance(accountId, state.balance(), state.held() + hold.amount());
        return new WalletOutcome.Applied(null, holdId, false);
    }

    private record PendingHold(UUID id, UUID accountId, UUID counterAccountId, long amount, TransactionKind captureKind,
            String status, String reference) {
    }

    /** A hold locked for capture or release, or why it cannot be. */
    private record HoldLookup(PendingHold hold, WalletOutcome.Rejected refusal) {
    }

    private HoldLookup lockPending(UUID holdId) {
        Optional<PendingHold> found = lockHold(holdId);
        if (found.isEmpty()) {
            return new HoldLookup(null, rejected(Rejection.HOLD_NOT_FOUND, "there is no hold " + holdId));
        }
        if (!"pending".equals(found.get().status())) {
            return new HoldLookup(null, rejected(Rejection.HOLD_NOT_PENDING, "the hold is already " + found.get().status()));
        }
        return new HoldLookup(found.get(), null);
    }

    /** The first player posting the locked balances cannot take, if any. */
    private static Optional<WalletOutcome.Rejected> firstRefusal(List<Leg> legs, Map<UUID, AccountState> locked) {
        for (Leg leg : legs) {
            if (leg.player()) {
                Optional<WalletOutcome.Rejected> refused = LedgerRules.canPost(locked.get(leg.accountId()), leg.amount());
                if (refused.isPresent()) {
                    return refused;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<PendingHold> lockHold(UUID holdId) {
        return jdbc.sql("""
                SELECT id, account_id, counter_account_id, amount, capture_kind, status, reference
                FROM wallet_hold WHERE id = ? FOR UPDATE""").param(holdId)
                .query((rs, row) -> new PendingHold(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getObject("counter_account_id", UUID.class), rs.getLong("amount"),
                        TransactionKind.fromWire(rs.getString("capture_kind")), rs.getString("status"), rs.getString("reference")))
                .optional();
    }

    private WalletOutcome capture(WalletCommand.CaptureHold capture) {
        HoldLookup lookup = lockPending(capture.holdId());
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        PendingHold hold = lookup.hold();
        Optional<WalletOutcome.Rejected> bad = LedgerRules.capturable(capture.amount(), hold.amount());
        if (bad.isPresent()) {
            return bad.get();
        }
        AccountRef counter = describe(hold.counterAccountId());
        List<Leg> legs = List.of(new Leg(hold.accountId(), describe(hold.accountId()), -capture.amount()),
                new Leg(hold.counterAccountId(), counter, capture.amount()));
        Map<UUID, AccountState> locked = lockPlayers(legs.stream().filter(Leg::player).map(Leg::accountId).toList());
        AccountState account = locked.get(hold.accountId());
        AccountState released = new AccountState(account.balance(), account.held() - hold.amount(), account.debt());
        locked.put(hold.accountId(), released);
        firstRefusal(legs, locked).ifPresent(refused -> {
            throw new IllegalStateException("a pending hold could not be captured: " + refused.detail());
        });
        UUID transactionId = journal(hold.captureKind(), capture.idempotencyKey(), null, hold.reference(), null, legs, locked,
                null, atOnce);
        repayDebtFirst(capture.idempotencyKey(), hold.captureKind(), transactionId, legs, locked, atOnce);
        jdbc.sql("""
                UPDATE wallet_hold SET status = 'captured', captured_amount = ?, capture_transaction_id = ?, resolved_at = ?
                WHERE id = ?""").params(capture.amount(), transactionId, now(), hold.id()).update();
        return new WalletOutcome.Applied(transactionId, hold.id(), false);
    }

    private WalletOutcome release(WalletCommand.ReleaseHold release) {
        HoldLookup lookup = lockPending(release.holdId());
        if (lookup.refusal() != null) {
            return lookup.refusal();
        }
        PendingHold hold = lookup.hold();
        AccountState state = lockPlayers(List.of(hold.accountId())).get(hold.accountId());
        setPlayerBalance(hold.accountId(), state.balance(), state.held() - hold.amount());
        jdbc.sql("UPDATE wallet_hold SET status = 'released', resolved_at = ? WHERE id = ?")
                .params(now(), hold.id()).update();
        return new WalletOutcome.Applied(null, hold.id(), false);
    }

    /**
     * Negates every posting of the original. Without {@code allowDebt} a player account that cannot take its negated
     * posting refuses the whole reversal; with it, the account gives what it has available and owes the rest.
     */
    private WalletOutcome reverse(String key, UUID originalId, String reason, boolean allowDebt) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT id, reference FROM wallet_transaction WHERE id = ? FOR UPDATE")
                .param(originalId).query().listOfRows();
        if (rows.isEmpty()) {
            return rejected(Rejection.TRANSACTION_NOT_FOUND, "there is no transaction " + originalId);
        }
        boolean reversed = jdbc.sql("SELECT count(*) FROM wallet_transaction WHERE reverses = ?")
                .param(originalId).query(Long.class).single() > 0;
        if (reversed) {
            return rejected(Rejection.ALREADY_REVERSED, "the transaction has been reversed already");
        }
        List<Leg> negated = jdbc.sql("SELECT account_id, amount FROM wallet_posting WHERE transaction_id = ? ORDER BY id")
                .param(originalId)
                .query((rs, row) -> {
                    UUID accountId = rs.getObject("account_id", UUID.class);
                    return new Leg(accountId, describe(accountId), -rs.getLong("amount"));
                }).list();
        // reversing a debt or a repayment would move the debt account without the debts it mirrors
        if (negated.stream().anyMatch(leg -> LedgerRules.movesDebt(leg.account()))) {
            return rejected(Rejection.INVALID_POSTINGS, "the transaction moved player debt, which is never reversed");
        }
        Map<UUID, AccountState> locked = lockPlayers(negated.stream().filter(Leg::player).map(Leg::accountId).toList());
        Forced forced = allowDebt ? takeWhatIsAvailable(negated, locked) : new Forced(negated, Map.of());
        Optional<WalletOutcome.Rejected> refused = firstRefusal(forced.legs(), locked);
        if (refused.isPresent()) {
            return refused.get();
        }
        UUID transactionId = journal(TransactionKind.REVERSAL, key, originalId,
                (String) rows.getFirst().get("reference"), reason, forced.legs(), locked, null, atOnce);
        changeDebts(transactionId, forced.debts(), locked, atOnce);
        return new WalletOutcome.Applied(transactionId, null, false);
    }

    /** A reversal's legs once every player account gives at most what it has available, and the debt each incurs. */
    private record Forced(List<Leg> legs, Map<UUID, Long> debts) {
    }

    private Forced takeWhatIsAvailable(List<Leg> negated, Map<UUID, AccountState> locked) {
        List<Leg> legs = new ArrayList<>();
        Map<UUID, Long> debts = new LinkedHashMap<>();
        Map<AccountRef.House, Long> owed = new LinkedHashMap<>();
        for (Leg leg : negated) {
            long shortfall = leg.player() ? LedgerRules.shortfall(locked.get(leg.accountId()), leg.amount()) : 0;
            if (shortfall == 0) {
                legs.add(leg);
                continue;
            }
            long taken = leg.amount() + shortfall;
            if (taken != 0) {
                legs.add(new Leg(leg.accountId(), leg.account(), taken));
            }
            debts.put(leg.accountId(), shortfall);
            owed.merge(debtAccount(leg.account()), shortfall, Math::addExact);
        }
        owed.forEach((house, amount) -> legs.add(new Leg(accounts.idOf(house), house, -amount)));
        return new Forced(legs, debts);
    }

    /**
     * Debt is repaid first: when a deposit or a payout credits the cash of a player who owes debt, a second journal
     * transaction right after it moves as much of the credit as the debt needs to the debt account. It runs inside
     * the crediting command, so a replay of that command (which returns the recorded outcome) never repays again.
     */
    private void repayDebtFirst(String key, TransactionKind kind, UUID creditingId, List<Leg> legs,
            Map<UUID, AccountState> locked, Writes writes) {
        if (kind != TransactionKind.DEPOSIT && kind != TransactionKind.PAYOUT) {
            return;
        }
        List<Leg> repayment = new ArrayList<>();
        Map<UUID, Long> repaid = new LinkedHashMap<>();
        Map<AccountRef.House, Long> owed = new LinkedHashMap<>();
        for (Leg leg : legs) {
            if (!(leg.account() instanceof AccountRef.Player player) || player.kind() != AccountKind.CASH) {
                continue;
            }
            long amount = LedgerRules.repayment(leg.amount(), locked.get(leg.accountId()).debt());
            if (amount == 0) {
                continue;
            }
            repayment.add(new Leg(leg.accountId(), leg.account(), -amount));
            repaid.put(leg.accountId(), -amount);
            owed.merge(debtAccount(leg.account()), amount, Math::addExact);
        }
        if (repayment.isEmpty()) {
            return;
        }
        owed.forEach((house, amount) -> repayment.add(new Leg(accounts.idOf(house), house, amount)));
        firstRefusal(repayment, locked).ifPresent(refused -> {
            throw new IllegalStateException("a debt repayment out of a fresh credit could not be posted: " + refused.detail());
        });
        UUID transactionId = journal(TransactionKind.DEBT_REPAYMENT, key + DEBT_REPAYMENT_SUFFIX, null,
                creditingId.toString(), "debt repaid first out of transaction " + creditingId, repayment, locked, null, writes);
        changeDebts(transactionId, repaid, locked, writes);
    }

    /** Changes the locked accounts' debt (positive: incurred, negative: repaid), one movement per account. */
    private void changeDebts(UUID transactionId, Map<UUID, Long> changes, Map<UUID, AccountState> locked, Writes writes) {
        Timestamp at = now();
        changes.forEach((accountId, change) -> {
            AccountState state = locked.get(accountId);
            long debt = Math.addExact(state.debt(), change);
            locked.put(accountId, new AccountState(state.balance(), state.held(), debt));
            writes.write("UPDATE wallet_account SET debt = ? WHERE id = ?", debt, accountId);
            writes.write("""
                    INSERT INTO wallet_debt_movement (account_id, transaction_id, amount, created_at) VALUES (?, ?, ?, ?)""",
                    accountId, transactionId, change, at);
        });
    }

    private static AccountRef.House debtAccount(AccountRef account) {
        return new AccountRef.House(account.brand(), account.currency(), HouseAccountKind.PLAYER_DEBT);
    }

    /** A posting about to be written: the account's id and description, and the signed amount. */
    private record Leg(UUID accountId, AccountRef account, long amount) {
        boolean player() {
            return account instanceof AccountRef.Player;
        }
    }

    private static final String LOCK_PLAYER = "SELECT balance, held, debt FROM wallet_account WHERE id = ? FOR UPDATE";

    /** Locks player accounts in id order, so two commands over the same accounts never wait on each other in a cycle. */
    private Map<UUID, AccountState> lockPlayers(List<UUID> ids) {
        Map<UUID, AccountState> states = new HashMap<>();
        for (UUID id : ids.stream().distinct().sorted(Comparator.naturalOrder()).toList()) {
            states.put(id, jdbc.sql(LOCK_PLAYER).param(id).query((rs, row) -> accountState(rs)).single());
        }
        return states;
    }

    /** Every posting of a transaction in one statement (the legs unnested into rows), player balances moved first. */
    private void setPlayerBalance(UUID accountId, long balance, long held) {
        jdbc.sql("UPDATE wallet_account SET balance = ?, held = ? WHERE id = ?").params(balance, held, accountId).update();
    }

    /**
     * Writes a journal transaction in one statement: the transaction, its postings with each player account's balance
     * after it, the player accounts' new balances (from {@code locked}, which it updates), and, when {@code claim} is
     * given, that command's applied outcome (on its claim, or with the claim itself when it is new).
     */
    private UUID journal(TransactionKind kind, String key, UUID reverses, String reference, String description,
            List<Leg> legs, Map<UUID, AccountState> locked, Claim claim, Writes writes) {
        UUID id = TimeOrderedIds.next();
        Timestamp at = now();
        String[] accounts = new String[legs.size()];
        String[] amounts = new String[legs.size()];
        String[] currencies = new String[legs.size()];
        String[] balancesAfter = new String[legs.size()];
        Map<UUID, AccountState> changed = new LinkedHashMap<>();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            Long balanceAfter = null;
            if (leg.player()) {
                AccountState state = locked.get(leg.accountId());
                balanceAfter = state.balance() + leg.amount();
                AccountState after = new AccountState(balanceAfter, state.held(), state.debt());
                locked.put(leg.accountId(), after);
                changed.put(leg.accountId(), after);
            }
            accounts[i] = leg.accountId().toString();
            amounts[i] = Long.toString(leg.amount());
            currencies[i] = leg.account().currency().getCurrencyCode();
            balancesAfter[i] = balanceAfter == null ? null : Long.toString(balanceAfter);
        }
        // one row per account (an account posted twice gets its last balance), so the update is deterministic
        String[] players = new String[changed.size()];
        String[] balances = new String[changed.size()];
        String[] helds = new String[changed.size()];
        int n = 0;
        for (Map.Entry<UUID, AccountState> account : changed.entrySet()) {
            players[n] = account.getKey().toString();
            balances[n] = Long.toString(account.getValue().balance());
            helds[n++] = Long.toString(account.getValue().held());
        }
        List<Object> params = new ArrayList<>(Arrays.asList(id, kind.wireName(), key, reverses, truncate(reference, 200),
                truncate(description), at, players, balances, helds));
        String outcome = switch (claim) {
            case null -> "";
            case Claim.Written written -> {
                params.addAll(Arrays.asList(id, written.key()));
                yield """
                        ,
                        outcome AS (
                          UPDATE wallet_command SET outcome = 'applied', transaction_id = ?, hold_id = NULL
                          WHERE idempotency_key = ?)""";
            }
            case Claim.New created -> {
                params.addAll(Arrays.asList(created.key(), created.command(), created.requestHash(), created.at(), id));
                yield """
                        ,
                        outcome AS (
                          INSERT INTO wallet_command (idempotency_key, command, request_hash, created_at, outcome, transaction_id)
                          VALUES (?, ?, ?, ?, 'applied', ?))""";
            }
        };
        params.addAll(Arrays.asList(id, at, accounts, amounts, currencies, balancesAfter));
        writes.write("""
                WITH entry AS (
                  INSERT INTO wallet_transaction (id, kind, idempotency_key, reverses, reference, description, created_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?)),
                balances AS (
                  UPDATE wallet_account a SET balance = v.balance::bigint, held = v.held::bigint
                  FROM unnest(?::text[], ?::text[], ?::text[]) AS v(id, balance, held) WHERE a.id = v.id::uuid)"""
                + outcome + """

                INSERT INTO wallet_posting (transaction_id, account_id, amount, currency, balance_after, created_at)
                SELECT ?, p.account_id::uuid, p.amount::bigint, p.currency, p.balance_after::bigint, ?
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                  AS p(account_id, amount, currency, balance_after, n)
                ORDER BY p.n""", params.toArray());
        audit.record(audited(id, kind, key, reverses, reference, description, legs));
        return id;
    }

    /** The transaction as the audit log keeps it: what moved, between which accounts, and why (in this transaction). */
    private static AuditEntry audited(UUID id, TransactionKind kind, String key, UUID reverses, String reference,
            String description, List<Leg> legs) {
        List<Map<String, Object>> postings = new ArrayList<>();
        for (Leg leg : legs) {
            Map<String, Object> posting = new LinkedHashMap<>();
            posting.put("account", leg.accountId());
            posting.put("owner", leg.player() ? "player" : "house");
            posting.put("player", leg.account() instanceof AccountRef.Player player ? player.playerId() : null);
            posting.put("brand", leg.account().brand());
            posting.put("kind", switch (leg.account()) {
                case AccountRef.Player player -> player.kind().wireName();
                case AccountRef.House house -> house.kind().wireName();
            });
            posting.put("currency", leg.account().currency().getCurrencyCode());
            posting.put("amount", leg.amount());
            postings.add(posting);
        }
        return AuditEntry.of("wallet.transaction", id).reference(reference).with("transactionKind", kind.wireName())
                .with("idempotencyKey", key).with("reverses", reverses).with("description", description)
                .with("postings", postings);
    }

    private AccountRef describe(UUID accountId) {
        return jdbc.sql("SELECT owner, player_id, brand, currency, kind FROM wallet_account WHERE id = ?").param(accountId)
                .query((rs, row) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    String kind = rs.getString("kind").toUpperCase(java.util.Locale.ROOT);
                    if ("player".equals(rs.getString("owner"))) {
                        return (AccountRef) new AccountRef.Player(rs.getObject("player_id", UUID.class), rs.getString("brand"),
                                currency, AccountKind.valueOf(kind));
                    }
                    return new AccountRef.House(rs.getString("brand"), currency, HouseAccountKind.valueOf(kind));
                }).single();
    }

    /*
     * Reads run in a transaction too: only a transaction's connection carries the tenant's search_path (a bare
     * pooled connection sees no tenant's tables at all).
     */

    @Override
    public Balance balance(AccountRef account) {
        return transactions.execute(status -> readBalance(account));
    }

    private Balance readBalance(AccountRef account) {
        Optional<UUID> id = accounts.existing(account);
        if (id.isEmpty()) {
            return new Balance(account, 0, 0, 0);
        }
        if (account instanceof AccountRef.Player) {
            return jdbc.sql("SELECT balance, held, debt FROM wallet_account WHERE id = ?").param(id.get())
                    .query((rs, row) -> new Balance(account, rs.getLong("balance"), rs.getLong("held"), rs.getLong("debt")))
                    .single();
        }
        long sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_posting WHERE account_id = ?").param(id.get())
                .query(Long.class).single();
        return new Balance(account, sum, 0, 0);
    }

    @Override
    public List<Balance> balances(UUID playerId, String brand) {
        return transactions.execute(status -> jdbc.sql("""
                SELECT currency, kind, balance, held, debt FROM wallet_account
                WHERE owner = 'player' AND player_id = ? AND brand = ? ORDER BY currency, kind""")
                .params(playerId, brand)
                .query((rs, row) -> new Balance(new AccountRef.Player(playerId, brand,
                        Currency.getInstance(rs.getString("currency")),
                        AccountKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT))),
                        rs.getLong("balance"), rs.getLong("held"), rs.getLong("debt")))
                .list());
    }

    @Override
    public Statement.Page statement(Statement.Query query) {
        return transactions.execute(status -> readStatement(query));
    }

    private Statement.Page readStatement(Statement.Query query) {
        StringBuilder sql = new StringBuilder("""
                SELECT p.id, p.transaction_id, t.kind, a.kind AS account_kind, p.currency, p.amount, p.balance_after,
                       t.reference, t.description, p.created_at
                FROM wallet_posting p
                JOIN wallet_account a ON a.id = p.account_id
                JOIN wallet_transaction t ON t.id = p.transaction_id
                WHERE a.owner = 'player' AND a.player_id = :player AND a.brand = :brand""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("player", query.playerId());
        params.put("brand", query.brand());
        if (query.currency() != null) {
            sql.append(" AND p.currency = :currency");
            params.put("currency", query.currency().getCurrencyCode());
        }
        if (query.kinds() != null && !query.kinds().isEmpty()) {
            sql.append(" AND t.kind IN (:kinds)");
            params.put("kinds", query.kinds().stream().map(TransactionKind::wireName).toList());
        }
        if (query.from() != null) {
            sql.append(" AND p.created_at >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND p.created_at < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.cursor() != null) {
            sql.append(" AND p.id < :cursor");
            params.put("cursor", query.cursor());
        }
        sql.append(" ORDER BY p.id DESC LIMIT :limit");
        params.put("limit", query.limit() + 1);
        List<Statement.Line> lines = jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new Statement.Line(rs.getLong("id"), rs.getObject("transaction_id", UUID.class),
                        TransactionKind.fromWire(rs.getString("kind")),
                        AccountKind.valueOf(rs.getString("account_kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("currency"), rs.getLong("amount"), rs.getLong("balance_after"),
                        rs.getString("reference"), rs.getString("description"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        if (lines.size() <= query.limit()) {
            return new Statement.Page(lines, null);
        }
        List<Statement.Line> page = lines.subList(0, query.limit());
        return new Statement.Page(List.copyOf(page), page.getLast().id());
    }

    @Override
    public List<Statement.LifetimeTotals> lifetimeTotals(UUID playerId, String brand) {
        return transactions.execute(status -> jdbc.sql("""
                SELECT p.currency,
                       COALESCE(SUM(p.amount) FILTER (WHERE a.kind = 'cash'
                           AND (t.kind IN ('deposit', 'refund') OR (t.kind = 'reversal' AND o.kind IN ('deposit', 'refund')))), 0)
                           AS deposits,
                       COALESCE(-SUM(p.amount) FILTER (WHERE a.kind = 'locked'
                           AND (t.kind = 'withdrawal_paid' OR (t.kind = 'reversal' AND o.kind = 'withdrawal_paid'))), 0)
                           AS withdrawals,
                       COALESCE(-SUM(p.amount) FILTER (WHERE a.kind = 'cash'
                           AND (t.kind = 'stake' OR (t.kind = 'reversal' AND o.kind = 'stake'))), 0) AS wagered
                FROM wallet_posting p
                JOIN wallet_account a ON a.id = p.account_id
                JOIN wallet_transaction t ON t.id = p.transaction_id
                LEFT JOIN wallet_transaction o ON o.id = t.reverses
                WHERE a.owner = 'player' AND a.player_id = ? AND a.brand = ?
                GROUP BY p.currency ORDER BY p.currency""")
                .params(playerId, brand)
                .query((rs, row) -> new Statement.LifetimeTotals(rs.getString("currency"), rs.getLong("deposits"),
                        rs.getLong("withdrawals"), rs.getLong("wagered")))
                .list());
    }

    @Override
    public Map<TransactionKind, Long> cashFlowsSince(UUID playerId, String brand, Currency currency, Instant since) {
        Map<TransactionKind, Long> flows = new java.util.EnumMap<>(TransactionKind.class);
        transactions.executeWithoutResult(status -> jdbc.sql("""
                SELECT CASE WHEN t.kind = 'reversal' AND o.kind IS NOT NULL THEN o.kind ELSE t.kind END AS kind,
                       SUM(p.amount) AS net
                FROM wallet_account a
                JOIN wallet_posting p ON p.account_id = a.id
                JOIN wallet_transaction t ON t.id = p.transaction_id
                LEFT JOIN wallet_transaction o ON o.id = t.reverses
                WHERE a.owner = 'player' AND a.player_id = ? AND a.brand = ? AND a.currency = ? AND a.kind = 'cash'
                  AND p.created_at >= ?
                GROUP BY 1""")
                .params(playerId, brand, currency.getCurrencyCode(), Timestamp.from(since))
                .query(rs -> {
                    flows.merge(TransactionKind.fromWire(rs.getString("kind")), rs.getLong("net"), Long::sum);
                }));
        return flows;
    }

    private WalletOutcome.Rejected rejected(Rejection reason, String detail) {
        return new WalletOutcome.Rejected(reason, detail, false);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String name(WalletCommand command) {
        return switch (command) {
            case WalletCommand.Transfer ignored -> "transfer";
            case WalletCommand.PlaceHold ignored -> "hold";
            case WalletCommand.CaptureHold ignored -> "capture";
            case WalletCommand.ReleaseHold ignored -> "release";
            case WalletCommand.Reverse ignored -> "reverse";
            case WalletCommand.ReverseAllowingDebt ignored -> "reverse_with_debt";
        };
    }

    private static String truncate(String text) {
        return truncate(text, 500);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
