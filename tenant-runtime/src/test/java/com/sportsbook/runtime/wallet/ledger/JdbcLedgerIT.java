package com.sportsbook.runtime.wallet.ledger;

import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.between;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.cash;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.deposit;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.house;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.stake;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.stakeHold;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.commons.sql.RoundTrip;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.Statement;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.Wallet;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.dao.DuplicateKeyException;

/** The ledger engine against real PostgreSQL: double entry, holds, reversals, idempotency of every command. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcLedgerIT {

    private final LedgerHarness ledger = new LedgerHarness(12);

    @AfterAll
    void close() {
        ledger.close();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static UUID transactionOf(WalletOutcome outcome) {
        assertThat(outcome).isInstanceOf(WalletOutcome.Applied.class);
        return ((WalletOutcome.Applied) outcome).transactionId();
    }

    private static UUID holdOf(WalletOutcome outcome) {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(WalletOutcome.Applied.class);
        return ((WalletOutcome.Applied) outcome).holdId();
    }

    private static void assertRejected(WalletOutcome outcome, Rejection reason) {
        assertThat(outcome).isInstanceOf(WalletOutcome.Rejected.class);
        assertThat(((WalletOutcome.Rejected) outcome).reason()).isEqualTo(reason);
    }

    @Test
    void aDepositCreditsTheCashAndDebitsPspClearingByTheSameAmount() {
        UUID player = UUID.randomUUID();
        long clearingBefore = ledger.as(() -> ledger.ledger.balance(house(HouseAccountKind.PSP_CLEARING)).balance());

        ledger.execute(deposit(key(), player, 2_500));

        assertThat(ledger.balance(player)).isEqualTo(2_500);
        assertThat(ledger.as(() -> ledger.ledger.balance(house(HouseAccountKind.PSP_CLEARING)).balance()))
                .isEqualTo(clearingBefore - 2_500);
    }

    @Test
    void aPlayerAccountIsNeverOverdrawnAndARefusalMovesNothing() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        ledger.execute(deposit(key(), alice, 1_000));
        long transactions = ledger.transactionCount();

        WalletOutcome refused = ledger.execute(between(key(), alice, bob, 1_001));

        assertRejected(refused, Rejection.INSUFFICIENT_FUNDS);
        assertThat(ledger.balance(alice)).isEqualTo(1_000);
        assertThat(ledger.balance(bob)).isZero();
        assertThat(ledger.transactionCount()).isEqualTo(transactions);
    }

    @Test
    void postingsThatDoNotSumToZeroOrRepeatAnAccountOrAreZeroAreRefused() {
        UUID player = UUID.randomUUID();
        WalletOutcome unbalanced = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.ADJUSTMENT,
                List.of(new Posting(cash(player), 100), new Posting(house(HouseAccountKind.REVENUE), -99)), null, null));
        WalletOutcome twice = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.ADJUSTMENT,
                List.of(new Posting(cash(player), 100), new Posting(cash(player), -100)), null, null));
        WalletOutcome zero = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.ADJUSTMENT,
                List.of(new Posting(cash(player), 0), new Posting(house(HouseAccountKind.REVENUE), 0)), null, null));
        WalletOutcome single = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.ADJUSTMENT,
                List.of(new Posting(cash(player), 100)), null, null));
        WalletOutcome absurd = ledger.execute(deposit(key(), player, Long.MAX_VALUE));

        assertRejected(unbalanced, Rejection.UNBALANCED);
        assertRejected(twice, Rejection.INVALID_POSTINGS);
        assertRejected(zero, Rejection.INVALID_AMOUNT);
        assertRejected(single, Rejection.INVALID_POSTINGS);
        assertRejected(absurd, Rejection.INVALID_AMOUNT);
        assertThat(ledger.balance(player)).isZero();
    }

    @Test
    void replayingATransferReturnsTheFirstResultAndMovesNothing() {
        UUID player = UUID.randomUUID();
        WalletCommand.Transfer command = deposit(key(), player, 700);

        WalletOutcome first = ledger.execute(command);
        long transactions = ledger.transactionCount();
        WalletOutcome replay = ledger.execute(command);

        assertThat(transactionOf(replay)).isEqualTo(transactionOf(first));
        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertThat(ledger.balance(player)).isEqualTo(700);
        assertThat(ledger.transactionCount()).isEqualTo(transactions);
    }

    @Test
    void theSameKeyWithADifferentCommandIsAConflictAndMovesNothing() {
        UUID player = UUID.randomUUID();
        String key = key();
        ledger.execute(deposit(key, player, 700));

        WalletOutcome otherAmount = ledger.execute(deposit(key, player, 701));
        WalletOutcome otherCommand = ledger.execute(new WalletCommand.ReleaseHold(key, UUID.randomUUID()));

        assertRejected(otherAmount, Rejection.IDEMPOTENCY_CONFLICT);
        assertRejected(otherCommand, Rejection.IDEMPOTENCY_CONFLICT);
        assertThat(ledger.balance(player)).isEqualTo(700);
    }

    @Test
    void aRefusalIsReplayedAsTheSameRefusalEvenOnceFundsArrive() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        WalletCommand.Transfer tooMuch = between(key(), alice, bob, 500);

        assertRejected(ledger.execute(tooMuch), Rejection.INSUFFICIENT_FUNDS);
        ledger.execute(deposit(key(), alice, 1_000));
        WalletOutcome replay = ledger.execute(tooMuch);

        assertRejected(replay, Rejection.INSUFFICIENT_FUNDS);
        assertThat(replay.replayed()).isTrue();
        assertThat(ledger.balance(bob)).isZero();
    }

    @Test
    void aHoldReservesFundsWithoutPostingAndACaptureMovesThemToStakesHeld() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));

        UUID hold = holdOf(ledger.execute(stakeHold(key(), player, 400)));
        long balanceWhileHeld = ledger.balance(player);
        long availableWhileHeld = ledger.available(player);
        WalletOutcome overspend = ledger.execute(between(key(), player, UUID.randomUUID(), 601));
        WalletOutcome capture = ledger.execute(new WalletCommand.CaptureHold(key(), hold, 400));

        assertThat(balanceWhileHeld).isEqualTo(1_000);
        assertThat(availableWhileHeld).isEqualTo(600);
        assertRejected(overspend, Rejection.INSUFFICIENT_FUNDS);
        assertThat(transactionOf(capture)).isNotNull();
        assertThat(ledger.balance(player)).isEqualTo(600);
        assertThat(ledger.available(player)).isEqualTo(600);
    }

    @Test
    void aPartialCaptureReleasesTheRestAndAResolvedHoldCannotBeUsedAgain() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        UUID hold = holdOf(ledger.execute(stakeHold(key(), player, 500)));

        ledger.execute(new WalletCommand.CaptureHold(key(), hold, 200));
        WalletOutcome again = ledger.execute(new WalletCommand.CaptureHold(key(), hold, 100));
        WalletOutcome release = ledger.execute(new WalletCommand.ReleaseHold(key(), hold));
        WalletOutcome tooBig = ledger.execute(new WalletCommand.CaptureHold(key(),
                holdOf(ledger.execute(stakeHold(key(), player, 50))), 51));

        assertThat(ledger.balance(player)).isEqualTo(800);
        assertThat(ledger.available(player)).isEqualTo(750);
        assertRejected(again, Rejection.HOLD_NOT_PENDING);
        assertRejected(release, Rejection.HOLD_NOT_PENDING);
        assertRejected(tooBig, Rejection.INVALID_AMOUNT);
        assertRejected(ledger.execute(new WalletCommand.ReleaseHold(key(), UUID.randomUUID())), Rejection.HOLD_NOT_FOUND);
    }

    @Test
    void everyHoldCommandIsIdempotent() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        WalletCommand.PlaceHold place = stakeHold(key(), player, 300);
        UUID hold = holdOf(ledger.execute(place));
        UUID heldAgain = holdOf(ledger.execute(place));
        WalletCommand.CaptureHold capture = new WalletCommand.CaptureHold(key(), hold, 300);
        UUID captured = transactionOf(ledger.execute(capture));
        UUID capturedAgain = transactionOf(ledger.execute(capture));
        WalletCommand.PlaceHold second = stakeHold(key(), player, 100);
        UUID other = holdOf(ledger.execute(second));
        WalletCommand.ReleaseHold release = new WalletCommand.ReleaseHold(key(), other);
        WalletOutcome released = ledger.execute(release);
        WalletOutcome releasedAgain = ledger.execute(release);

        assertThat(heldAgain).isEqualTo(hold);
        assertThat(capturedAgain).isEqualTo(captured);
        assertThat(released).isInstanceOf(WalletOutcome.Applied.class);
        assertThat(releasedAgain.replayed()).isTrue();
        assertThat(releasedAgain).isInstanceOf(WalletOutcome.Applied.class);
        assertThat(ledger.balance(player)).isEqualTo(700);
        assertThat(ledger.available(player)).isEqualTo(700);
    }

    @Test
    void aReversalNegatesEveryPostingOnceAndReferencesTheOriginal() {
        UUID player = UUID.randomUUID();
        UUID original = transactionOf(ledger.execute(deposit(key(), player, 900)));
        WalletCommand.Reverse reverse = new WalletCommand.Reverse(key(), original, "chargeback");

        UUID reversal = transactionOf(ledger.execute(reverse));
        UUID replayed = transactionOf(ledger.execute(reverse));
        WalletOutcome twice = ledger.execute(new WalletCommand.Reverse(key(), original, "again"));

        assertThat(replayed).isEqualTo(reversal);
        assertRejected(twice, Rejection.ALREADY_REVERSED);
        assertThat(ledger.balance(player)).isZero();
        assertThat(ledger.jdbc.sql("SELECT reverses FROM wallet_transaction WHERE id = ?").param(reversal)
                .query(UUID.class).single()).isEqualTo(original);
        assertRejected(ledger.execute(new WalletCommand.Reverse(key(), UUID.randomUUID(), "x")), Rejection.TRANSACTION_NOT_FOUND);
    }

    @Test
    void theDatabaseItselfRefusesASecondReversalAndIndexesOnlyTransactionsThatReverseSomething() {
        UUID player = UUID.randomUUID();
        UUID original = transactionOf(ledger.execute(deposit(key(), player, 900)));
        transactionOf(ledger.execute(new WalletCommand.Reverse(key(), original, "chargeback")));

        String secondReversal = """
                INSERT INTO wallet_transaction (id, kind, idempotency_key, reverses, reference, description, created_at)
                VALUES (?, 'reversal', ?, ?, NULL, 'past the ledger', now())""";
        assertThatThrownBy(() -> ledger.jdbc.sql(secondReversal).params(UUID.randomUUID(), key(), original).update())
                .isInstanceOf(DuplicateKeyException.class).hasMessageContaining("uq_wallet_transaction_reverses");
        assertThat(ledger.jdbc.sql("SELECT pg_get_indexdef('uq_wallet_transaction_reverses'::regclass)").query(String.class)
                .single()).as("a stake or a deposit writes no entry").contains("UNIQUE").endsWith("WHERE (reverses IS NOT NULL)");
    }

    @Test
    void aReversalThatWouldOverdrawThePlayerIsRefused() {
        UUID player = UUID.randomUUID();
        UUID deposit = transactionOf(ledger.execute(deposit(key(), player, 900)));
        ledger.execute(between(key(), player, UUID.randomUUID(), 500));

        assertRejected(ledger.execute(new WalletCommand.Reverse(key(), deposit, "chargeback")), Rejection.INSUFFICIENT_FUNDS);
        assertThat(ledger.balance(player)).isEqualTo(400);
    }

    @Test
    void postingsAndTransactionsCannotBeChangedOrDeleted() {
        UUID player = UUID.randomUUID();
        UUID transaction = transactionOf(ledger.execute(deposit(key(), player, 100)));

        assertThatThrownBy(() -> ledger.jdbc.sql("UPDATE wallet_posting SET amount = amount * 2 WHERE transaction_id = ?")
                .param(transaction).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> ledger.jdbc.sql("DELETE FROM wallet_transaction WHERE id = ?").param(transaction).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> ledger.jdbc.sql("UPDATE wallet_account SET balance = -5 WHERE player_id = ?")
                .param(player).update()).hasMessageContaining("ck_wallet_account_not_overdrawn");
    }

    @Test
    void theStatementPagesNewestFirstAndFiltersByKindAndTime() {
        UUID player = UUID.randomUUID();
        Instant before = Instant.now().minusSeconds(1);
        for (int i = 1; i <= 5; i++) {
            ledger.execute(deposit(key(), player, i * 100));
        }
        ledger.execute(between(key(), player, UUID.randomUUID(), 50));

        Statement.Page first = ledger.as(() -> ledger.ledger.statement(new Statement.Query(player, LedgerHarness.BRAND,
                null, Set.of(), before, null, null, 4)));
        Statement.Page second = ledger.as(() -> ledger.ledger.statement(new Statement.Query(player, LedgerHarness.BRAND,
                null, Set.of(), before, null, first.nextCursor(), 4)));
        Statement.Page deposits = ledger.as(() -> ledger.ledger.statement(new Statement.Query(player, LedgerHarness.BRAND,
                LedgerHarness.EUR, Set.of(TransactionKind.DEPOSIT), null, null, null, 50)));
        Statement.Page future = ledger.as(() -> ledger.ledger.statement(new Statement.Query(player, LedgerHarness.BRAND,
                null, Set.of(), Instant.now().plusSeconds(60), null, null, 50)));

        assertThat(first.lines()).extracting(Statement.Line::amount).containsExactly(-50L, 500L, 400L, 300L);
        assertThat(first.lines()).extracting(Statement.Line::balanceAfter).containsExactly(1_450L, 1_500L, 1_000L, 600L);
        assertThat(second.lines()).extracting(Statement.Line::amount).containsExactly(200L, 100L);
        assertThat(second.nextCursor()).isNull();
        assertThat(deposits.lines()).hasSize(5).allSatisfy(line -> assertThat(line.kind()).isEqualTo(TransactionKind.DEPOSIT));
        assertThat(future.lines()).isEmpty();
    }

    @Test
    void netDepositsCountDepositsLessRefundsAndReversedDeposits() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        UUID reversed = transactionOf(ledger.execute(deposit(key(), player, 300)));
        ledger.execute(new WalletCommand.Reverse(key(), reversed, "chargeback"));
        ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.REFUND, List.of(
                new Posting(cash(player), -200), new Posting(house(HouseAccountKind.PSP_CLEARING), 200)), null, null));

        List<Statement.LifetimeTotals> totals = ledger.as(() -> ledger.ledger.lifetimeTotals(player, LedgerHarness.BRAND));

        assertThat(totals).singleElement().satisfies(eur -> {
            assertThat(eur.deposits()).isEqualTo(800);
            assertThat(eur.netDeposits()).isEqualTo(800);
        });
    }

    @Test
    void aStagedStakeMovesTheMoneyOnceAndAnExecutedReplayOfItAnswersTheSameTransaction() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        long stakesHeldBefore = ledger.as(() -> ledger.ledger.balance(house(HouseAccountKind.STAKES_HELD)).balance());
        long transactions = ledger.transactionCount();
        WalletCommand.Transfer stake = stake(key(), player, 300);

        UUID staked = transactionOf(ledger.staged(stake));
        WalletOutcome replay = ledger.execute(stake);

        assertThat(ledger.balance(player)).isEqualTo(700);
        assertThat(ledger.as(() -> ledger.ledger.balance(house(HouseAccountKind.STAKES_HELD)).balance()))
                .isEqualTo(stakesHeldBefore + 300);
        assertThat(ledger.transactionCount()).isEqualTo(transactions + 1);
        assertThat(ledger.jdbc.sql("""
                SELECT p.amount, p.balance_after FROM wallet_posting p JOIN wallet_account a ON a.id = p.account_id
                WHERE p.transaction_id = ? AND a.owner = 'player'""").param(staked)
                .query((rs, row) -> rs.getLong("amount") + " -> " + rs.getLong("balance_after")).list())
                .containsExactly("-300 -> 700");
        assertThat(transactionOf(replay)).isEqualTo(staked);
        assertThat(replay.replayed()).isTrue();
        assertThat(ledger.transactionCount()).isEqualTo(transactions + 1);
        LedgerChecks.Result check = ledger.checked();
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
    }

    @Test
    void aStagedStakeTheBalanceCannotCoverIsRefusedAndRecordedAndMovesNothing() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 100));
        long transactions = ledger.transactionCount();
        WalletCommand.Transfer stake = stake(key(), player, 101);

        WalletOutcome refused = ledger.staged(stake);
        ledger.execute(deposit(key(), player, 1_000));
        WalletOutcome replay = ledger.execute(stake);

        assertRejected(refused, Rejection.INSUFFICIENT_FUNDS);
        assertThat(ledger.transactionCount()).isEqualTo(transactions + 1);
        assertThat(ledger.balance(player)).isEqualTo(1_100);
        assertRejected(replay, Rejection.INSUFFICIENT_FUNDS);
        assertThat(replay.replayed()).as("the refusal was recorded with the claim").isTrue();
    }

    @Test
    void aStagedTransferOnAKeyUsedBeforeFailsItsTransactionInsteadOfReplaying() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        WalletCommand.Transfer stake = stake(key(), player, 300);
        ledger.execute(stake);
        long transactions = ledger.transactionCount();

        assertThatThrownBy(() -> ledger.staged(stake)).isInstanceOf(DuplicateKeyException.class);

        assertThat(ledger.transactionCount()).isEqualTo(transactions);
        assertThat(ledger.balance(player)).isEqualTo(700);
    }

    @Test
    void aStagedTransferBetweenTwoPlayersRunsWholeWhenPostedAndLeavesTheRoundTripsEmpty() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        ledger.execute(deposit(key(), alice, 1_000));
        WalletCommand.Transfer move = between(key(), alice, bob, 400);

        List<Boolean> emptyTrips = ledger.as(() -> ledger.transactions.execute(status -> {
            RoundTrip reads = new RoundTrip(ledger.dataSource);
            Wallet.StagedTransfer staged = ledger.ledger.stage(move, reads);
            boolean readsEmpty = reads.isEmpty();
            RoundTrip writes = new RoundTrip(ledger.dataSource);
            transactionOf(staged.post(writes));
            return List.of(readsEmpty, writes.isEmpty());
        }));

        assertThat(emptyTrips).containsExactly(true, true);
        assertThat(ledger.balance(alice)).isEqualTo(600);
        assertThat(ledger.balance(bob)).isEqualTo(400);
        assertThat(ledger.execute(move).replayed()).isTrue();
    }

    @Test
    void stagingOutsideATransactionIsRefused() {
        UUID player = UUID.randomUUID();

        assertThatThrownBy(() -> ledger.as(() -> ledger.ledger.stage(stake(key(), player, 100),
                new RoundTrip(ledger.dataSource))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @Test
    void concurrentStagedStakesDrainingOneBalanceNeverOverdrawIt() throws Exception {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<WalletOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                outcomes.add(pool.submit((Callable<WalletOutcome>) () -> ledger.staged(stake(key(), player, 100))));
            }
            int applied = 0;
            for (Future<WalletOutcome> outcome : outcomes) {
                WalletOutcome done = outcome.get();
                if (done instanceof WalletOutcome.Applied) {
                    applied++;
                } else {
                    assertRejected(done, Rejection.INSUFFICIENT_FUNDS);
                }
            }
            assertThat(applied).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.balance(player)).isZero();
        LedgerChecks.Result check = ledger.checked();
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
    }

    @Test
    void concurrentCommandsWithOneKeyMoveMoneyOnce() throws Exception {
        UUID player = UUID.randomUUID();
        WalletCommand.Transfer command = deposit(key(), player, 250);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<WalletOutcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                outcomes.add(pool.submit((Callable<WalletOutcome>) () -> ledger.execute(command)));
            }
            List<UUID> transactions = new ArrayList<>();
            for (Future<WalletOutcome> outcome : outcomes) {
                transactions.add(transactionOf(outcome.get()));
            }
            assertThat(transactions).containsOnly(transactions.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(ledger.balance(player)).isEqualTo(250);
    }

    @Test
    void theInvariantCheckPassesOnAHealthyLedgerAndNamesWhatATamperedOneBreaks() {
        UUID player = UUID.randomUUID();
        ledger.execute(deposit(key(), player, 1_000));
        LedgerChecks.Result healthy = ledger.checked();

        ledger.jdbc.sql("UPDATE wallet_account SET balance = balance + 1 WHERE player_id = ?").param(player).update();
        LedgerChecks.Result tampered = ledger.checked();
        ledger.jdbc.sql("UPDATE wallet_account SET balance = balance - 1 WHERE player_id = ?").param(player).update();
        List<LedgerChecks.Result> recorded = ledger.as(() -> ledger.checks.recent(2));

        assertThat(healthy.passed()).as(healthy.findings().toString()).isTrue();
        assertThat(healthy.transactionsChecked()).isPositive();
        assertThat(tampered.passed()).isFalse();
        assertThat(tampered.mismatchedBalances()).isEqualTo(1);
        assertThat(tampered.findings()).singleElement().asString().contains("shows 1001").contains("sum to 1000");
        assertThat(recorded).extracting(LedgerChecks.Result::id).containsExactly(tampered.id(), healthy.id());
    }
}
