package com.sportsbook.runtime.wallet.ledger;

import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.between;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.deposit;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.stake;
import static com.sportsbook.runtime.wallet.ledger.LedgerHarness.stakeHold;
import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.runtime.wallet.Rejection;
import com.sportsbook.runtime.wallet.WalletCommand;
import com.sportsbook.runtime.wallet.WalletOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of ledger commands (deposits, transfers between players, stakes, stakes staged as a bet stages
 * them, holds, captures, releases, reversals and replays of earlier commands) against the real engine and an independent model of the player
 * balances. After every command no player is below zero or below their holds; the engine refuses exactly when the
 * model says funds are short; at the end every balance equals the model's and every transaction sums to zero.
 */
class LedgerPropertiesIT {

    private static LedgerHarness ledger;

    @BeforeContainer
    static void start() {
        ledger = new LedgerHarness(4);
    }

    @AfterContainer
    static void stop() {
        ledger.close();
    }

    enum Op { DEPOSIT, MOVE, STAKE, STAGED_STAKE, HOLD, CAPTURE, RELEASE, REVERSE, REPLAY }

    record Action(Op op, int a, int b, long amount, int pick) {
    }

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<Action> action = Combinators.combine(
                Arbitraries.of(Op.class), Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(1, 5_000), Arbitraries.integers().between(0, 1_000))
                .as(Action::new);
        return action.list().ofMinSize(5).ofMaxSize(40);
    }

    /** The model's view of one hold. */
    private record ModelHold(int player, long amount) {
    }

    @Property(tries = 60)
    void theLedgerSumsToZeroAndNoPlayerEverGoesNegative(@ForAll("sequences") List<Action> actions) {
        UUID[] players = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        long[] balance = new long[3];
        long[] held = new long[3];
        Map<UUID, ModelHold> pendingHolds = new HashMap<>();
        List<UUID> holds = new ArrayList<>();
        Map<UUID, long[]> effects = new HashMap<>();
        List<UUID> transactions = new ArrayList<>();
        Set<UUID> reversed = new HashSet<>();
        List<WalletCommand> sent = new ArrayList<>();

        for (Action action : actions) {
            String key = UUID.randomUUID().toString();
            WalletCommand command;
            long[] effect = new long[3];
            boolean modelAllows = true;
            switch (action.op()) {
                case DEPOSIT -> {
                    command = deposit(key, players[action.a()], action.amount());
                    effect[action.a()] = action.amount();
                }
                case MOVE -> {
                    if (action.a() == action.b()) {
                        continue;
                    }
                    command = between(key, players[action.a()], players[action.b()], action.amount());
                    effect[action.a()] = -action.amount();
                    effect[action.b()] = action.amount();
                    modelAllows = balance[action.a()] - held[action.a()] >= action.amount();
                }
                case STAKE, STAGED_STAKE -> {
                    command = stake(key, players[action.a()], action.amount());
                    effect[action.a()] = -action.amount();
                    modelAllows = balance[action.a()] - held[action.a()] >= action.amount();
                }
                case HOLD -> {
                    command = stakeHold(key, players[action.a()], action.amount());
                    modelAllows = balance[action.a()] - held[action.a()] >= action.amount();
                }
                case CAPTURE, RELEASE -> {
                    if (holds.isEmpty()) {
                        continue;
                    }
                    UUID hold = holds.get(action.pick() % holds.size());
                    ModelHold model = pendingHolds.get(hold);
                    long amount = model == null ? 1 : 1 + action.amount() % model.amount();
                    command = action.op() == Op.CAPTURE ? new WalletCommand.CaptureHold(key, hold, amount)
                            : new WalletCommand.ReleaseHold(key, hold);
                    modelAllows = model != null;
                    if (model != null && action.op() == Op.CAPTURE) {
                        effect[model.player()] = -amount;
                    }
                }
                case REVERSE -> {
                    if (transactions.isEmpty()) {
                        continue;
                    }
                    UUID original = transactions.get(action.pick() % transactions.size());
                    command = new WalletCommand.Reverse(key, original, "property test");
                    long[] originalEffect = effects.get(original);
                    for (int p = 0; p < 3; p++) {
                        effect[p] = -originalEffect[p];
                        if (balance[p] + effect[p] - held[p] < 0) {
                            modelAllows = false;
                        }
                    }
                    modelAllows &= !reversed.contains(original);
                }
                case REPLAY -> {
                    if (sent.isEmpty()) {
                        continue;
                    }
                    command = sent.get(action.pick() % sent.size());
                }
                default -> throw new IllegalStateException();
            }

            WalletOutcome outcome = action.op() == Op.STAGED_STAKE ? ledger.staged((WalletCommand.Transfer) command)
                    : ledger.execute(command);

            if (action.op() == Op.REPLAY) {
                assertThat(outcome.replayed()).as("a replay is recognised").isTrue();
            } else {
                sent.add(command);
                assertThat(outcome instanceof WalletOutcome.Applied).as(action + " -> " + outcome).isEqualTo(modelAllows);
                if (outcome instanceof WalletOutcome.Rejected rejected && action.op() != Op.CAPTURE
                        && action.op() != Op.RELEASE && action.op() != Op.REVERSE) {
                    assertThat(rejected.reason()).isEqualTo(Rejection.INSUFFICIENT_FUNDS);
                }
                if (outcome instanceof WalletOutcome.Applied applied) {
                    for (int p = 0; p < 3; p++) {
                        balance[p] += effect[p];
                    }
                    switch (action.op()) {
                        case HOLD -> {
                            holds.add(applied.holdId());
                            pendingHolds.put(applied.holdId(), new ModelHold(action.a(), action.amount()));
                            held[action.a()] += action.amount();
                        }
                        case CAPTURE, RELEASE -> {
                            ModelHold model = pendingHolds.remove(applied.holdId());
                            held[model.player()] -= model.amount();
                        }
                        case REVERSE -> reversed.add(((WalletCommand.Reverse) command).transactionId());
                        default -> { }
                    }
                    if (applied.transactionId() != null && action.op() != Op.REVERSE) {
                        transactions.add(applied.transactionId());
                        effects.put(applied.transactionId(), effect);
                    }
                }
            }
            for (int p = 0; p < 3; p++) {
                UUID player = players[p];
                assertThat(ledger.available(player)).as("available of player " + p).isGreaterThanOrEqualTo(0);
            }
        }

        for (int p = 0; p < 3; p++) {
            assertThat(ledger.balance(players[p])).as("balance of player " + p).isEqualTo(balance[p]);
            assertThat(ledger.available(players[p])).isEqualTo(balance[p] - held[p]);
        }
        LedgerChecks.Result check = ledger.checked();
        assertThat(check.passed()).as(check.findings().toString()).isTrue();
    }
}
