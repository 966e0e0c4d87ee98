package com.sportsbook.runtime.wallet.ledger;

import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.cash;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.deposit;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.house;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.wallet.HouseAccountKind;
import com.sportsbook.runtime.wallet.Posting;
import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.TransactionKind;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One hot player account under 50 threads x 200 commands (credits, debits and replays of earlier commands): the
 * final balance is exactly the opening balance plus every applied command, replays move nothing, and the ledger's
 * invariants hold afterwards.
 */
class LedgerConcurrencyIT {

    private static final int THREADS = 50;
    private static final int COMMANDS_PER_THREAD = 200;
    private static final long OPENING = 100_000;

    private record Result(long appliedDelta, int applied, int refused, int replayed) {
    }

    @Test
    void fiftyThreadsOfTwoHundredCommandsOnOneAccountLoseNothing() throws Exception {
        try (LedgerHarness ledger = new LedgerHarness(THREADS)) {
            UUID player = UUID.randomUUID();
            ledger.execute(deposit("opening-" + player, player, OPENING));
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Result>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    return run(ledger, player, thread);
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            long delta = 0;
            int applied = 0;
            int refused = 0;
            int replayed = 0;
            for (Future<Result> future : futures) {
                Result result = future.get(5, TimeUnit.MINUTES);
                delta += result.appliedDelta();
                applied += result.applied();
                refused += result.refused();
                replayed += result.replayed();
            }
            long millis = (System.nanoTime() - began) / 1_000_000;
            pool.shutdown();
            System.out.printf("ledger concurrency: %d commands on one account in %d ms (%.0f/s): %d applied, %d refused, %d replays%n",
                    THREADS * COMMANDS_PER_THREAD, millis, THREADS * COMMANDS_PER_THREAD * 1000.0 / millis, applied, refused, replayed);

            assertThat(applied + refused + replayed).isEqualTo(THREADS * COMMANDS_PER_THREAD);
            assertThat(replayed).isPositive();
            assertThat(ledger.balance(player)).isEqualTo(OPENING + delta);
            long postings = ledger.jdbc.sql("""
                    SELECT count(*) FROM wallet_posting p JOIN wallet_account a ON a.id = p.account_id
                    WHERE a.player_id = ?""").param(player).query(Long.class).single();
            assertThat(postings).as("one posting per applied command, plus the opening deposit").isEqualTo(applied + 1L);
            LedgerChecks.Result check = ledger.checked();
            assertThat(check.passed()).as(check.findings().toString()).isTrue();
        }
    }

    private static Result run(LedgerHarness ledger, UUID player, int thread) {
        Random random = new Random(thread);
        long delta = 0;
        int applied = 0;
        int refused = 0;
        int replayed = 0;
        List<WalletCommand.Transfer> sent = new ArrayList<>();
        for (int i = 0; i < COMMANDS_PER_THREAD; i++) {
            WalletCommand.Transfer command;
            if (i % 10 == 9) {
                command = sent.get(random.nextInt(sent.size()));
            } else {
                long amount = 1 + random.nextInt(random.nextBoolean() ? 500 : 2_000);
                boolean credit = random.nextInt(100) < 45;
                String key = "t" + thread + "-" + i;
                command = credit ? deposit(key, player, amount)
                        : new WalletCommand.Transfer(key, TransactionKind.STAKE, List.of(new Posting(cash(player), -amount),
                                new Posting(house(HouseAccountKind.STAKES_HELD), amount)), null, null);
                sent.add(command);
            }
            WalletOutcome outcome = ledger.execute(command);
            if (outcome.replayed()) {
                replayed++;
            } else if (outcome instanceof WalletOutcome.Applied) {
                applied++;
                delta += command.postings().getFirst().amount();
            } else {
                assertThat(((WalletOutcome.Rejected) outcome).reason()).isEqualTo(Rejection.INSUFFICIENT_FUNDS);
                refused++;
            }
        }
        return new Result(delta, applied, refused, replayed);
    }
}
