package com.sportsbook.runtime.wallet.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sportsbook.runtime.wallet.AccountKind;
import com.sportsbook.runtime.wallet.AccountRef;
import com.sportsbook.runtime.wallet.Balance;
import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Visible player debt against real PostgreSQL: a reversal allowing debt takes what the player has available and
 * books the rest as debt on the account and on the brand's player debt account; the next deposit or payout repays it
 * first; the invariant checks hold throughout and catch a tampered debt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlayerDebtIT {

    private final LedgerHarness ledger = new LedgerHarness(4);

    @AfterAll
    void close() {
        ledger.close();
    }

    /** A player on a brand of their own, so the brand's player debt account mirrors this player's debt alone. */
    private record Punter(UUID id, String brand) {
        AccountRef.Player cash() {
            return new AccountRef.Player(id, brand, LedgerHarness.EUR, AccountKind.CASH);
        }

        AccountRef.House house(HouseAccountKind kind) {
            return new AccountRef.House(brand, LedgerHarness.EUR, kind);
        }
    }

    private static Punter aPlayer() {
        return new Punter(UUID.randomUUID(), "debt-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static Punter anotherPlayerOf(Punter player) {
        return new Punter(UUID.randomUUID(), player.brand());
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static WalletCommand.Transfer payout(String key, Punter player, long amount) {
        return new WalletCommand.Transfer(key, TransactionKind.PAYOUT, List.of(new Posting(player.cash(), amount),
                new Posting(player.house(HouseAccountKind.PAYOUTS), -amount)), "bet-" + key, null);
    }

    private static WalletCommand.Transfer deposit(String key, Punter player, long amount) {
        return new WalletCommand.Transfer(key, TransactionKind.DEPOSIT, List.of(new Posting(player.cash(), amount),
                new Posting(player.house(HouseAccountKind.PSP_CLEARING), -amount)), "psp-" + key, null);
    }

    private static WalletCommand.Transfer stake(Punter player, long amount) {
        return new WalletCommand.Transfer(key(), TransactionKind.STAKE, List.of(new Posting(player.cash(), -amount),
                new Posting(player.house(HouseAccountKind.STAKES_HELD), amount)), null, null);
    }

    private static WalletCommand.ReverseAllowingDebt resettle(UUID transaction) {
        return new WalletCommand.ReverseAllowingDebt(key(), transaction, "result corrected");
    }

    private UUID transactionOf(WalletOutcome outcome) {
        assertThat(outcome).as(outcome.toString()).isInstanceOf(WalletOutcome.Applied.class);
        return ((WalletOutcome.Applied) outcome).transactionId();
    }

    private static void assertRejected(WalletOutcome outcome, Rejection reason) {
        assertThat(outcome).isInstanceOf(WalletOutcome.Rejected.class);
        assertThat(((WalletOutcome.Rejected) outcome).reason()).isEqualTo(reason);
    }

    private Balance cash(Punter player) {
        return ledger.as(() -> ledger.ledger.balance(player.cash()));
    }

    /** The brand's player debt account: minus what its players owe. */
    private long debtAccount(Punter player) {
        return ledger.as(() -> ledger.ledger.balance(player.house(HouseAccountKind.PLAYER_DEBT)).balance());
    }

    private List<Long> debtMovements(Punter player) {
        return ledger.jdbc.sql("""
                SELECT m.amount FROM wallet_debt_movement m JOIN wallet_account a ON a.id = m.account_id
                WHERE a.player_id = ? ORDER BY m.id""").param(player.id()).query(Long.class).list();
    }

    private long postingCount(UUID transaction) {
        return ledger.jdbc.sql("SELECT count(*) FROM wallet_posting WHERE transaction_id = ?").param(transaction)
                .query(Long.class).single();
    }

    private List<Map<String, Object>> repaymentsOf(UUID crediting) {
        return ledger.jdbc.sql("""
                SELECT id, idempotency_key FROM wallet_transaction WHERE kind = 'debt_repayment' AND reference = ?""")
                .param(crediting.toString()).query().listOfRows();
    }

    private LedgerChecks.Result check() {
        return ledger.checked();
    }

    /** A player who was paid {@code owed}, spent all of it, and then had the payout reversed. */
    private Punter anIndebtedPlayer(long owed) {
        Punter player = aPlayer();
        UUID paid = transactionOf(ledger.execute(payout(key(), player, owed)));
        transactionOf(ledger.execute(stake(player, owed)));
        transactionOf(ledger.execute(resettle(paid)));
        assertThat(cash(player).debt()).isEqualTo(owed);
        return player;
    }

    @Test
    void aReversalTakesWhatThePlayerHasLeftAndTheShortfallBecomesVisibleDebt() {
        Punter player = aPlayer();
        UUID paid = transactionOf(ledger.execute(payout(key(), player, 1_000)));
        ledger.execute(stake(player, 700));

        UUID reversal = transactionOf(ledger.execute(resettle(paid)));

        Balance after = cash(player);
        assertThat(after.balance()).isZero();
        assertThat(after.debt()).isEqualTo(700);
        assertThat(debtAccount(player)).isEqualTo(-700);
        assertThat(debtMovements(player)).containsExactly(700L);
        assertThat(ledger.jdbc.sql("SELECT kind, reverses FROM wallet_transaction WHERE id = ?").param(reversal)
                .query().singleRow()).containsEntry("kind", "reversal").containsEntry("reverses", paid);
        assertThat(ledger.jdbc.sql("""
                SELECT a.kind, p.amount FROM wallet_posting p JOIN wallet_account a ON a.id = p.account_id
                WHERE p.transaction_id = ? ORDER BY p.id""").param(reversal)
                .query((rs, row) -> rs.getString("kind") + " " + rs.getLong("amount")).list())
                .containsExactly("cash -300", "payouts 1000", "player_debt -700");
        LedgerChecks.Result check = check();
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
    }

    @Test
    void aReversalThePlayerCanCoverTakesNoDebt() {
        Punter player = aPlayer();
        UUID paid = transactionOf(ledger.execute(payout(key(), player, 1_000)));
        ledger.execute(deposit(key(), player, 500));

        UUID reversal = transactionOf(ledger.execute(resettle(paid)));

        assertThat(cash(player).balance()).isEqualTo(500);
        assertThat(cash(player).debt()).isZero();
        assertThat(debtAccount(player)).isZero();
        assertThat(debtMovements(player)).isEmpty();
        assertThat(postingCount(reversal)).isEqualTo(2);
    }

    @Test
    void aReversalNeverTakesWhatAHoldReservesOnlyWhatIsAvailable() {
        Punter player = aPlayer();
        UUID paid = transactionOf(ledger.execute(payout(key(), player, 1_000)));
        UUID hold = ((WalletOutcome.Applied) ledger.execute(new WalletCommand.PlaceHold(key(), player.cash(), 400,
                player.house(HouseAccountKind.STAKES_HELD), TransactionKind.STAKE, "bet-open"))).holdId();

        ledger.execute(resettle(paid));
        Balance afterReversal = cash(player);
        WalletOutcome capture = ledger.execute(new WalletCommand.CaptureHold(key(), hold, 400));

        assertThat(afterReversal.balance()).isEqualTo(400);
        assertThat(afterReversal.held()).isEqualTo(400);
        assertThat(afterReversal.available()).isZero();
        assertThat(afterReversal.debt()).as("1000 reversed, the 600 available taken").isEqualTo(400);
        assertThat(debtAccount(player)).isEqualTo(-400);
        assertThat(capture).as("the held stake is still there to capture").isInstanceOf(WalletOutcome.Applied.class);
        assertThat(cash(player).balance()).isZero();
        assertThat(cash(player).debt()).isEqualTo(400);
    }

    @Test
    void replayingAReversalWithDebtReturnsTheFirstOutcomeAndMovesNothing() {
        Punter player = aPlayer();
        UUID paid = transactionOf(ledger.execute(payout(key(), player, 1_000)));
        UUID other = transactionOf(ledger.execute(payout(key(), player, 50)));
        ledger.execute(stake(player, 1_050));
        WalletCommand.ReverseAllowingDebt command = resettle(paid);

        WalletOutcome first = ledger.execute(command);
        long transactions = ledger.transactionCount();
        WalletOutcome replay = ledger.execute(command);
        WalletOutcome sameKeyOtherTransaction = ledger.execute(
                new WalletCommand.ReverseAllowingDebt(command.idempotencyKey(), other, command.reason()));
        WalletOutcome sameKeyPlainReversal = ledger.execute(
                new WalletCommand.Reverse(command.idempotencyKey(), paid, command.reason()));
        WalletOutcome again = ledger.execute(resettle(paid));

        assertThat(transactionOf(replay)).isEqualTo(transactionOf(first));
        assertThat(first.replayed()).isFalse();
        assertThat(replay.replayed()).isTrue();
        assertRejected(sameKeyOtherTransaction, Rejection.IDEMPOTENCY_CONFLICT);
        assertRejected(sameKeyPlainReversal, Rejection.IDEMPOTENCY_CONFLICT);
        assertRejected(again, Rejection.ALREADY_REVERSED);
        assertThat(ledger.transactionCount()).isEqualTo(transactions);
        assertThat(cash(player).debt()).isEqualTo(1_000);
        assertThat(debtAccount(player)).isEqualTo(-1_000);
        assertThat(debtMovements(player)).containsExactly(1_000L);
    }

    @Test
    void aDepositSmallerThanTheDebtGoesWhollyToRepayIt() {
        Punter player = anIndebtedPlayer(700);
        WalletCommand.Transfer deposit = deposit(key(), player, 200);

        WalletOutcome outcome = ledger.execute(deposit);
        long transactions = ledger.transactionCount();
        WalletOutcome replay = ledger.execute(deposit);

        UUID deposited = transactionOf(outcome);
        assertThat(ledger.jdbc.sql("SELECT kind FROM wallet_transaction WHERE id = ?").param(deposited)
                .query(String.class).single()).as("the caller gets its deposit back").isEqualTo("deposit");
        assertThat(cash(player).balance()).isZero();
        assertThat(cash(player).debt()).isEqualTo(500);
        assertThat(debtAccount(player)).isEqualTo(-500);
        assertThat(debtMovements(player)).containsExactly(700L, -200L);
        assertThat(repaymentsOf(deposited)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("idempotency_key", deposit.idempotencyKey() + ":debt-repayment"));
        assertThat(transactionOf(replay)).isEqualTo(deposited);
        assertThat(replay.replayed()).isTrue();
        assertThat(ledger.transactionCount()).as("a replay repays nothing again").isEqualTo(transactions);
        assertThat(cash(player).debt()).isEqualTo(500);
        assertThat(repaymentsOf(deposited)).hasSize(1);
    }

    @Test
    void aDepositLargerThanTheDebtRepaysItAllAndTheRestStaysCash() {
        Punter player = anIndebtedPlayer(700);

        UUID deposited = transactionOf(ledger.execute(deposit(key(), player, 1_000)));

        assertThat(cash(player).balance()).isEqualTo(300);
        assertThat(cash(player).available()).isEqualTo(300);
        assertThat(cash(player).debt()).isZero();
        assertThat(debtAccount(player)).isZero();
        assertThat(debtMovements(player)).containsExactly(700L, -700L);
        assertThat(repaymentsOf(deposited)).hasSize(1);
        assertThat(transactionOf(ledger.execute(deposit(key(), player, 100)))).isNotNull();
        assertThat(cash(player).balance()).as("no debt left, so nothing more is taken").isEqualTo(400);
    }

    @Test
    void aPayoutRepaysTheDebtFirstToo() {
        Punter player = anIndebtedPlayer(700);

        UUID paid = transactionOf(ledger.execute(payout(key(), player, 250)));

        assertThat(cash(player).balance()).isZero();
        assertThat(cash(player).debt()).isEqualTo(450);
        assertThat(debtAccount(player)).isEqualTo(-450);
        assertThat(repaymentsOf(paid)).hasSize(1);
    }

    @Test
    void aStagedPayoutRepaysTheDebtFirstInItsRoundTripAsAnExecutedOneDoes() {
        Punter player = anIndebtedPlayer(700);
        WalletCommand.Transfer payout = payout(key(), player, 250);

        UUID paid = transactionOf(ledger.staged(payout));
        WalletOutcome replay = ledger.execute(payout);

        assertThat(cash(player).balance()).isZero();
        assertThat(cash(player).debt()).isEqualTo(450);
        assertThat(debtAccount(player)).isEqualTo(-450);
        assertThat(debtMovements(player)).containsExactly(700L, -250L);
        assertThat(repaymentsOf(paid)).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("idempotency_key", payout.idempotencyKey() + ":debt-repayment"));
        assertThat(transactionOf(replay)).isEqualTo(paid);
        assertThat(replay.replayed()).isTrue();
        LedgerChecks.Result check = check();
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
    }

    @Test
    void aCreditOfAnotherKindLeavesTheDebtAlone() {
        Punter player = anIndebtedPlayer(700);
        Punter friend = anotherPlayerOf(player);
        ledger.execute(deposit(key(), friend, 500));

        UUID moved = transactionOf(ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.TRANSFER,
                List.of(new Posting(friend.cash(), -300), new Posting(player.cash(), 300)), null, null)));

        assertThat(cash(player).balance()).isEqualTo(300);
        assertThat(cash(player).debt()).isEqualTo(700);
        assertThat(debtAccount(player)).isEqualTo(-700);
        assertThat(repaymentsOf(moved)).isEmpty();
    }

    @Test
    void theChecksPassOnceDebtsAreIncurredPartlyRepaidAndFullyRepaid() {
        Punter partly = anIndebtedPlayer(700);
        Punter fully = anotherPlayerOf(partly);
        UUID paid = transactionOf(ledger.execute(payout(key(), fully, 400)));
        ledger.execute(stake(fully, 300));
        ledger.execute(resettle(paid));
        Punter owing = anotherPlayerOf(partly);
        UUID owingPaid = transactionOf(ledger.execute(payout(key(), owing, 90)));
        ledger.execute(stake(owing, 90));
        ledger.execute(resettle(owingPaid));

        ledger.execute(deposit(key(), partly, 200));
        ledger.execute(payout(key(), fully, 500));
        LedgerChecks.Result check = check();

        assertThat(cash(partly).debt()).isEqualTo(500);
        assertThat(cash(fully).debt()).isZero();
        assertThat(cash(fully).balance()).isEqualTo(200);
        assertThat(cash(owing).debt()).isEqualTo(90);
        assertThat(debtAccount(partly)).as("one debt account per brand and currency").isEqualTo(-590);
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
        assertThat(check.mismatchedBalances()).isZero();
    }

    @Test
    void aTamperedDebtFailsTheCheckAndIsNamed() {
        Punter player = anIndebtedPlayer(700);

        ledger.jdbc.sql("UPDATE wallet_account SET debt = 800 WHERE player_id = ?").param(player.id()).update();
        LedgerChecks.Result tampered = check();
        ledger.jdbc.sql("UPDATE wallet_account SET debt = 700 WHERE player_id = ?").param(player.id()).update();
        LedgerChecks.Result restored = check();

        assertThat(tampered.passed()).isFalse();
        assertThat(tampered.mismatchedBalances()).isEqualTo(2);
        assertThat(tampered.findings()).anySatisfy(finding -> assertThat(finding)
                .contains("owes 800").contains("debt movements sum to 700"));
        assertThat(tampered.findings()).anySatisfy(finding -> assertThat(finding)
                .contains("brand " + player.brand() + " owe 800 EUR").contains("player debt account books 700 owed"));
        assertThat(restored.passed()).as(restored.findings().toString()).isTrue();
    }

    @Test
    void onlyTheLedgerMovesPlayerDebt() {
        Punter player = anIndebtedPlayer(700);
        UUID incurred = ledger.jdbc.sql("""
                SELECT m.transaction_id FROM wallet_debt_movement m JOIN wallet_account a ON a.id = m.account_id
                WHERE a.player_id = ?""").param(player.id()).query(UUID.class).single();
        UUID repayment = (UUID) repaymentsOf(transactionOf(ledger.execute(deposit(key(), player, 100))))
                .getFirst().get("id");

        WalletOutcome postedByHand = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.ADJUSTMENT,
                List.of(new Posting(player.house(HouseAccountKind.PLAYER_DEBT), 100),
                        new Posting(player.house(HouseAccountKind.REVENUE), -100)), null, null));
        WalletOutcome repaidByHand = ledger.execute(new WalletCommand.Transfer(key(), TransactionKind.DEBT_REPAYMENT,
                List.of(new Posting(player.cash(), 100), new Posting(player.house(HouseAccountKind.REVENUE), -100)),
                null, null));
        WalletOutcome debtReversed = ledger.execute(new WalletCommand.Reverse(key(), incurred, "undo"));
        WalletOutcome repaymentReversed = ledger.execute(new WalletCommand.ReverseAllowingDebt(key(), repayment, "undo"));

        assertRejected(postedByHand, Rejection.INVALID_POSTINGS);
        assertRejected(repaidByHand, Rejection.INVALID_POSTINGS);
        assertRejected(debtReversed, Rejection.INVALID_POSTINGS);
        assertRejected(repaymentReversed, Rejection.INVALID_POSTINGS);
        assertThat(cash(player).debt()).isEqualTo(600);
        assertThat(debtAccount(player)).isEqualTo(-600);
    }

    @Test
    void debtMovementsCannotBeChangedAndADebtCannotBeNegative() {
        Punter player = anIndebtedPlayer(100);

        assertThatThrownBy(() -> ledger.jdbc.sql("""
                UPDATE wallet_debt_movement SET amount = 1 WHERE account_id IN
                  (SELECT id FROM wallet_account WHERE player_id = ?)""").param(player.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> ledger.jdbc.sql("""
                DELETE FROM wallet_debt_movement WHERE account_id IN
                  (SELECT id FROM wallet_account WHERE player_id = ?)""").param(player.id()).update())
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> ledger.jdbc.sql("UPDATE wallet_account SET debt = -1 WHERE player_id = ?")
                .param(player.id()).update()).hasMessageContaining("ck_wallet_account_debt_not_negative");
        assertThatThrownBy(() -> ledger.jdbc.sql("UPDATE wallet_account SET debt = NULL WHERE player_id = ?")
                .param(player.id()).update()).hasMessageContaining("ck_wallet_account_owner");
        assertThat(cash(player).debt()).isEqualTo(100);
    }
}
