package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The wallet over real HTTP through the gateway, with real tokens: finance adjusts a player's balance with an
 * idempotency key, the player reads balances, history and net deposits, bad amounts are refused with problem
 * details and move nothing, and the ledger proves its invariants on demand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalletEndToEndIT {

    private static final String HOST = "gamma.localhost";
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private String finance;
    private String playerToken;
    private String playerId;

    @BeforeAll
    void startPlatformWithAPlayer() {
        platform = RunningPlatform.withTenant("gamma", HOST);
        edge = platform.edge();
        accounts = platform.accounts();
        BettingFixtures.Registered wally = BettingFixtures.register(edge, HOST, "Wally", "Wallet", "1985-03-03");
        playerId = wally.id();
        playerToken = "Bearer " + accounts.signIn("gamma", wally.email(), BettingFixtures.PASSWORD);
        finance = "Bearer " + accounts.staffToken("gamma", "finance");
        verifyIdentity();
        // Malta's rules want a deposit limit set before the first deposit
        TestHttp.Response limit = edge.put("/api/v1/responsible-gambling/limits/deposit/month", "{\"amount\": 100000000}")
                .host(HOST).header(AUTH, playerToken).send();
        assertThat(limit.status()).as(limit.body()).isEqualTo(200);
    }

    /**
     * Withdrawals wait for a verified identity (KYC): the player uploads a passport and a proof of address, submits
     * them, and the sandbox provider approves by a signed webhook through the gateway.
     */
    private void verifyIdentity() {
        String pdf = java.util.Base64.getEncoder().encodeToString(
                "%PDF-1.7 passport of Wally Wallet".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (String type : List.of("passport", "proof_of_address")) {
            TestHttp.Response uploaded = edge.post("/api/v1/kyc/documents", """
                    {"type": "%s", "fileName": "%s.pdf", "contentType": "application/pdf", "content": "%s"}"""
                    .formatted(type, type, pdf)).host(HOST).header(AUTH, playerToken).send();
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        }
        TestHttp.Response submitted = edge.post("/api/v1/kyc/submission", "").host(HOST).header(AUTH, playerToken).send();
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                edge.get("/api/v1/kyc").host(HOST).header(AUTH, playerToken).send().json().path("verified").asBoolean());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private TestHttp.Response adjust(String key, String body) {
        TestHttp.Request request = edge.post("/api/v1/backoffice/wallet/adjustments", body).host(HOST).header(AUTH, finance);
        return key == null ? request.send() : request.header("Idempotency-Key", key).send();
    }

    private String credit(String account, String amount, String currency) {
        return """
                {"playerId": "%s", "account": "%s", "direction": "credit", "amount": %s, "currency": "%s",
                 "reason": "goodwill"}""".formatted(playerId, account, amount, currency);
    }

    private JsonNode balances() {
        return edge.get("/api/v1/wallet/balances").host(HOST).header(AUTH, playerToken).send().json();
    }

    @Test
    void anAdjustmentCreditsThePlayerOnceAndItsReplayReturnsTheSameResult() {
        String key = UUID.randomUUID().toString();
        long cashBefore = balances().at("/balances/0/cash").asLong();

        TestHttp.Response first = adjust(key, credit("cash", "1250", "EUR"));
        TestHttp.Response replay = adjust(key, credit("cash", "1250", "EUR"));
        TestHttp.Response sameKeyOtherBody = adjust(key, credit("cash", "1251", "EUR"));
        TestHttp.Response bonus = adjust(UUID.randomUUID().toString(), credit("bonus", "500", "EUR"));
        JsonNode after = balances();

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sameKeyOtherBody.status()).isEqualTo(409);
        assertThat(sameKeyOtherBody.json().get("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(bonus.status()).isEqualTo(201);
        assertThat(after.at("/balances/0/currency").asString()).isEqualTo("EUR");
        assertThat(after.at("/balances/0/cash").asLong()).isEqualTo(cashBefore + 1250);
        assertThat(after.at("/balances/0/bonus").asLong()).as("bonus shown apart").isEqualTo(500);
        assertThat(after.at("/balances/0/withdrawable").asLong()).isEqualTo(cashBefore + 1250);
    }

    @Test
    void badAmountsGetProblemDetailsAndMoveNothing() {
        JsonNode before = balances();
        List<String[]> bad = List.of(
                new String[] {"-100", "EUR", "amount"},
                new String[] {"0", "EUR", "amount"},
                new String[] {"12.345", "EUR", "amount"},
                new String[] {"1.5", "EUR", "amount"},
                new String[] {"100", "XYZ", "currency"},
                new String[] {"100", "eur", "currency"},
                new String[] {"100", "USD", "currency"},
                new String[] {"100000000000000000000", "EUR", "amount"},
                new String[] {"9000000000000000", "EUR", "amount"});
        for (String[] input : bad) {
            TestHttp.Response response = adjust(UUID.randomUUID().toString(), credit("cash", input[0], input[1]));
            assertThat(response.status()).as(input[0] + " " + input[1] + ": " + response.body()).isEqualTo(422);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("errors").findValuesAsString("field")).as(input[0]).containsExactly(input[2]);
        }
        TestHttp.Response noKey = adjust(null, credit("cash", "100", "EUR"));
        TestHttp.Response malformed = adjust(UUID.randomUUID().toString(), "{\"playerId\": ");
        TestHttp.Response unknownPlayer = adjust(UUID.randomUUID().toString(), credit("cash", "100", "EUR")
                .replace(playerId, UUID.randomUUID().toString()));
        TestHttp.Response overdraw = adjust(UUID.randomUUID().toString(), credit("cash", "99999999", "EUR")
                .replace("credit", "debit"));

        assertThat(noKey.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(unknownPlayer.status()).isEqualTo(422);
        assertThat(overdraw.status()).isEqualTo(422);
        assertThat(overdraw.json().get("code").asString()).isEqualTo("insufficient_funds");
        assertThat(balances()).isEqualTo(before);
    }

    @Test
    void thePlayerSeesHistoryNewestFirstAndNetDeposits() {
        adjust(UUID.randomUUID().toString(), credit("cash", "300", "EUR"));
        adjust(UUID.randomUUID().toString(), credit("cash", "200", "EUR"));

        JsonNode page = edge.get("/api/v1/wallet/transactions?limit=1").host(HOST).header(AUTH, playerToken).send().json();
        JsonNode next = edge.get("/api/v1/wallet/transactions?limit=1&cursor=" + page.get("nextCursor").asString())
                .host(HOST).header(AUTH, playerToken).send().json();
        TestHttp.Response badKind = edge.get("/api/v1/wallet/transactions?kind=lottery").host(HOST).header(AUTH, playerToken).send();
        TestHttp.Response badLimit = edge.get("/api/v1/wallet/transactions?limit=1000").host(HOST).header(AUTH, playerToken).send();
        TestHttp.Response summary = edge.get("/api/v1/wallet/summary").host(HOST).header(AUTH, playerToken).send();

        assertThat(page.at("/items/0/amount").asLong()).isEqualTo(200);
        assertThat(page.at("/items/0/kind").asString()).isEqualTo("adjustment");
        assertThat(next.at("/items/0/amount").asLong()).isEqualTo(300);
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(badLimit.status()).isEqualTo(422);
        assertThat(summary.status()).isEqualTo(200);
        assertThat(summary.json().at("/lifetime/0/currency").asString()).isEqualTo("EUR");
        assertThat(summary.json().at("/lifetime/0/netDeposits").asLong())
                .isEqualTo(summary.json().at("/lifetime/0/deposits").asLong() - summary.json().at("/lifetime/0/withdrawals").asLong());
    }

    private long cash() {
        return balances().at("/balances/0/cash").asLong();
    }

    private TestHttp.Response deposit(String key, String amount, String currency) {
        TestHttp.Request request = edge.post("/api/v1/wallet/deposits",
                "{\"amount\": %s, \"currency\": \"%s\"}".formatted(amount, currency)).host(HOST).header(AUTH, playerToken);
        return key == null ? request.send() : request.header("Idempotency-Key", key).send();
    }

    private JsonNode awaitDeposit(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/wallet/deposits/" + id).host(HOST).header(AUTH, playerToken).send().json(),
                        payment -> status.equals(payment.get("status").asString()));
    }

    private TestHttp.Response webhook(String body, String signature) {
        TestHttp.Request request = edge.post("/api/v1/payments/webhooks/sandbox", body).host(HOST);
        return signature == null ? request.send() : request.header("Sandbox-Signature", signature).send();
    }

    private long netDeposits() {
        JsonNode lifetime = edge.get("/api/v1/wallet/summary").host(HOST).header(AUTH, playerToken).send().json().get("lifetime");
        return lifetime.isEmpty() ? 0 : lifetime.at("/0/netDeposits").asLong();
    }

    @Test
    void aDepositIsCreditedOnceWhenTheSandboxConfirmsItByWebhook() {
        long before = cash();
        long netBefore = netDeposits();

        TestHttp.Response started = deposit(UUID.randomUUID().toString(), "2000", "EUR");
        JsonNode succeeded = awaitDeposit(started.json().get("id").asString(), "succeeded");

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("status").asString()).isEqualTo("pending");
        assertThat(started.header("Location")).isEqualTo("/api/v1/wallet/deposits/" + started.json().get("id").asString());
        assertThat(succeeded.get("providerReference").asString()).startsWith("sbx_pay_");
        assertThat(cash()).isEqualTo(before + 2000);
        assertThat(netDeposits()).as("adjustments are not deposits; this one is").isEqualTo(netBefore + 2000);
    }

    @Test
    void declinedAndFailedDepositsMoveNoMoney() {
        long before = cash();

        TestHttp.Response declined = deposit(UUID.randomUUID().toString(), "1001", "EUR");
        TestHttp.Response failing = deposit(UUID.randomUUID().toString(), "1002", "EUR");
        JsonNode failed = awaitDeposit(failing.json().get("id").asString(), "failed");

        assertThat(declined.status()).isEqualTo(202);
        assertThat(declined.json().get("status").asString()).isEqualTo("declined");
        assertThat(declined.json().get("failureReason").asString()).isEqualTo("card_declined");
        assertThat(failed.get("failureReason").asString()).isEqualTo("insufficient_funds_at_bank");
        assertThat(cash()).isEqualTo(before);
    }

    @Test
    void aWebhookDeliveredTwiceOrOutOfOrderCreditsExactlyOnce() throws InterruptedException {
        long before = cash();

        String twice = deposit(UUID.randomUUID().toString(), "1004", "EUR").json().get("id").asString();
        String reordered = deposit(UUID.randomUUID().toString(), "1005", "EUR").json().get("id").asString();
        awaitDeposit(twice, "succeeded");
        awaitDeposit(reordered, "succeeded");
        Thread.sleep(1_500);

        assertThat(awaitDeposit(reordered, "succeeded").get("status").asString())
                .as("the late 'processing' does not move it back").isEqualTo("succeeded");
        assertThat(cash()).isEqualTo(before + 1004 + 1005);
    }

    @Test
    void aReplayedWebhookMovesMoneyOnceAndForgedOnesMoveNone() {
        long before = cash();
        JsonNode started = deposit(UUID.randomUUID().toString(), "3003", "EUR").json();
        String reference = await().atMost(Duration.ofSeconds(5)).until(() -> edge.get("/api/v1/wallet/deposits/"
                + started.get("id").asString()).host(HOST).header(AUTH, playerToken).send().json()
                .get("providerReference").asString(null), java.util.Objects::nonNull);
        String secret = RunningPlatform.SANDBOX_PSP_SECRET;
        java.time.Instant now = java.time.Instant.now();
        String success = SandboxWebhooks.event("evt_test_" + UUID.randomUUID(), "payment.succeeded", reference, 3003, "EUR");
        String inflated = success.replace("3003", "300300");

        TestHttp.Response forgedSignature = webhook(success, SandboxWebhooks.signature("not-the-secret", "gamma", success, now));
        TestHttp.Response tampered = webhook(inflated, SandboxWebhooks.signature(secret, "gamma", success, now));
        TestHttp.Response otherTenantsKey = webhook(success, SandboxWebhooks.signature(secret, "alpha", success, now));
        TestHttp.Response stale = webhook(success, SandboxWebhooks.signature(secret, "gamma", success, now.minusSeconds(600)));
        TestHttp.Response unsigned = webhook(success, null);
        long afterForgeries = cash();
        TestHttp.Response first = webhook(success, SandboxWebhooks.signature(secret, "gamma", success, now));
        TestHttp.Response replay = webhook(success, SandboxWebhooks.signature(secret, "gamma", success, now));
        String sameNewsAgain = SandboxWebhooks.event("evt_test_" + UUID.randomUUID(), "payment.succeeded", reference, 3003, "EUR");
        TestHttp.Response secondEvent = webhook(sameNewsAgain, SandboxWebhooks.signature(secret, "gamma", sameNewsAgain, now));

        for (TestHttp.Response forged : List.of(forgedSignature, tampered, otherTenantsKey, stale, unsigned)) {
            assertThat(forged.status()).as(forged.body()).isEqualTo(400);
            assertThat(forged.json().get("code").asString()).isEqualTo("webhook_signature_invalid");
        }
        assertThat(afterForgeries).as("forged webhooks move nothing").isEqualTo(before);
        assertThat(first.json().get("result").asString()).isEqualTo("credited");
        assertThat(replay.json().get("result").asString()).isEqualTo("duplicate");
        assertThat(secondEvent.json().get("result").asString()).isEqualTo("already_succeeded");
        assertThat(cash()).isEqualTo(before + 3003);
        // the sandbox's own, slower confirmation arrives later and changes nothing
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> true);
        assertThat(cash()).isEqualTo(before + 3003);
        assertThat(edge.post("/api/v1/backoffice/wallet/checks", "").host(HOST).header(AUTH, finance).send().json()
                .get("passed").asBoolean()).isTrue();
    }

    @Test
    void aConfirmationOfAnotherAmountIsAnExceptionNotACredit() {
        long before = cash();
        JsonNode started = deposit(UUID.randomUUID().toString(), "3103", "EUR").json();
        String reference = await().atMost(Duration.ofSeconds(5)).until(() -> edge.get("/api/v1/wallet/deposits/"
                + started.get("id").asString()).host(HOST).header(AUTH, playerToken).send().json()
                .get("providerReference").asString(null), java.util.Objects::nonNull);
        String wrong = SandboxWebhooks.event("evt_test_" + UUID.randomUUID(), "payment.succeeded", reference, 9999, "EUR");

        TestHttp.Response answer = webhook(wrong, SandboxWebhooks.signature(RunningPlatform.SANDBOX_PSP_SECRET, "gamma",
                wrong, java.time.Instant.now()));

        assertThat(answer.json().get("result").asString()).isEqualTo("amount_mismatch");
        assertThat(awaitDeposit(started.get("id").asString(), "exception").get("failureReason").asString()).contains("9999");
        assertThat(cash()).isEqualTo(before);
    }

    @Test
    void aRetriedDepositRequestReturnsTheFirstPaymentAndBadInputMovesNothing() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = deposit(key, "2500", "EUR");
        TestHttp.Response retry = deposit(key, "2500", "EUR");
        TestHttp.Response otherAmount = deposit(key, "2600", "EUR");
        awaitDeposit(first.json().get("id").asString(), "succeeded");
        long before = cash();
        int depositsBefore = edge.get("/api/v1/wallet/deposits").host(HOST).header(AUTH, playerToken).send().json()
                .get("items").size();

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherAmount.status()).isEqualTo(409);
        for (String[] input : List.of(new String[] {"-5", "EUR"}, new String[] {"0", "EUR"}, new String[] {"10.5", "EUR"},
                new String[] {"100", "ABC"}, new String[] {"100", "USD"}, new String[] {"1e30", "EUR"})) {
            TestHttp.Response refused = deposit(UUID.randomUUID().toString(), input[0], input[1]);
            assertThat(refused.status()).as(String.join(" ", input)).isEqualTo(422);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(deposit(null, "100", "EUR").status()).isEqualTo(422);
        assertThat(cash()).isEqualTo(before);
        assertThat(edge.get("/api/v1/wallet/deposits").host(HOST).header(AUTH, playerToken).send().json().get("items").size())
                .isEqualTo(depositsBefore);
    }

    private TestHttp.Response withdraw(String key, String amount) {
        return edge.post("/api/v1/wallet/withdrawals", "{\"amount\": %s, \"currency\": \"EUR\"}".formatted(amount))
                .host(HOST).header(AUTH, playerToken).header("Idempotency-Key", key).send();
    }

    private JsonNode awaitWithdrawal(String id, String status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> edge.get("/api/v1/wallet/withdrawals/" + id).host(HOST).header(AUTH, playerToken).send().json(),
                        withdrawal -> status.equals(withdrawal.get("status").asString()));
    }

    private long locked() {
        return balances().at("/balances/0/locked").asLong();
    }

    private TestHttp.Response decide(String staff, String id, String decision) {
        return edge.post("/api/v1/backoffice/payments/withdrawals/" + id + "/decisions",
                "{\"decision\": \"%s\", \"note\": \"checked\"}".formatted(decision)).host(HOST).header(AUTH, staff).send();
    }

    private void fund(long amount) {
        assertThat(adjust(UUID.randomUUID().toString(), credit("cash", Long.toString(amount), "EUR")).status()).isEqualTo(201);
    }

    @Test
    void aSmallWithdrawalLocksTheMoneyAtOnceAndIsPaidOutWithoutReview() {
        fund(10_000);
        long cashBefore = cash();
        long lockedBefore = locked();

        TestHttp.Response requested = withdraw(UUID.randomUUID().toString(), "4000");
        long cashWhilePending = cash();
        JsonNode paid = awaitWithdrawal(requested.json().get("id").asString(), "paid");
        JsonNode summary = edge.get("/api/v1/wallet/summary").host(HOST).header(AUTH, playerToken).send().json();

        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().get("reviewReasons").size()).isZero();
        assertThat(cashWhilePending).isEqualTo(cashBefore - 4000);
        assertThat(paid.get("providerReference").asString()).startsWith("sbx_po_");
        assertThat(cash()).isEqualTo(cashBefore - 4000);
        assertThat(locked()).isEqualTo(lockedBefore);
        assertThat(summary.at("/lifetime/0/withdrawals").asLong()).isGreaterThanOrEqualTo(4000);
    }

    @Test
    void aFailedPayoutReturnsTheMoneyAndALateCancelIsRefused() {
        fund(10_000);
        long cashBefore = cash();

        String id = withdraw(UUID.randomUUID().toString(), "3007").json().get("id").asString();
        JsonNode failed = awaitWithdrawal(id, "failed");
        TestHttp.Response lateCancel = edge.delete("/api/v1/wallet/withdrawals/" + id).host(HOST).header(AUTH, playerToken).send();

        assertThat(failed.get("failureReason").asString()).isEqualTo("destination_account_closed");
        assertThat(cash()).isEqualTo(cashBefore);
        assertThat(lateCancel.status()).isEqualTo(409);
        assertThat(lateCancel.json().get("code").asString()).isEqualTo("withdrawal_not_cancellable");
    }

    @Test
    void aboveTheThresholdTwoDifferentStaffMembersMustApproveBeforeTheMoneyGoes() {
        fund(300_000);
        long cashBefore = cash();
        String checker = "Bearer " + accounts.staffToken("gamma", "finance");

        TestHttp.Response requested = withdraw(UUID.randomUUID().toString(), "150000");
        String id = requested.json().get("id").asString();
        JsonNode queue = edge.get("/api/v1/backoffice/payments/withdrawals").host(HOST).header(AUTH, finance).send().json();
        TestHttp.Response maker = decide(finance, id, "approve");
        TestHttp.Response sameStaffAgain = decide(finance, id, "approve");
        TestHttp.Response byThePlayer = decide(playerToken, id, "approve");
        String statusAfterOne = awaitWithdrawal(id, "awaiting_approval").get("status").asString();
        TestHttp.Response second = decide(checker, id, "approve");
        awaitWithdrawal(id, "paid");

        assertThat(requested.json().get("status").asString()).isEqualTo("awaiting_approval");
        assertThat(requested.json().get("reviewReasons").toString()).contains("above_approval_threshold");
        assertThat(queue.get("items").findValuesAsString("id")).contains(id);
        assertThat(maker.status()).isEqualTo(200);
        assertThat(sameStaffAgain.status()).isEqualTo(409);
        assertThat(sameStaffAgain.json().get("code").asString()).isEqualTo("maker_checker_violation");
        assertThat(byThePlayer.status()).isEqualTo(403);
        assertThat(statusAfterOne).isEqualTo("awaiting_approval");
        assertThat(second.status()).isEqualTo(200);
        assertThat(cash()).isEqualTo(cashBefore - 150_000);
    }

    @Test
    void aWaitingWithdrawalCanBeCancelledByThePlayerOrRejectedByStaffAndTheMoneyReturns() {
        fund(400_000);
        long cashBefore = cash();

        String cancelled = withdraw(UUID.randomUUID().toString(), "120000").json().get("id").asString();
        long whileLocked = cash();
        TestHttp.Response cancel = edge.delete("/api/v1/wallet/withdrawals/" + cancelled).host(HOST).header(AUTH, playerToken).send();
        String rejected = withdraw(UUID.randomUUID().toString(), "130000").json().get("id").asString();
        TestHttp.Response reject = decide(finance, rejected, "reject");

        assertThat(whileLocked).isEqualTo(cashBefore - 120_000);
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(reject.json().get("status").asString()).isEqualTo("rejected");
        assertThat(cash()).isEqualTo(cashBefore);
        assertThat(locked()).isZero();
    }

    @Test
    void aWithdrawalBeyondTheBalanceIsRefusedAndARetryReturnsTheFirstRequest() {
        fund(5_000);
        long cashBefore = cash();
        String key = UUID.randomUUID().toString();

        TestHttp.Response tooMuch = withdraw(UUID.randomUUID().toString(), Long.toString(cashBefore + 1));
        TestHttp.Response first = withdraw(key, "1500");
        TestHttp.Response retry = withdraw(key, "1500");
        TestHttp.Response sameKeyOtherAmount = withdraw(key, "1600");
        TestHttp.Response fraction = withdraw(UUID.randomUUID().toString(), "10.5");
        awaitWithdrawal(first.json().get("id").asString(), "paid");

        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.json().get("code").asString()).isEqualTo("insufficient_funds");
        assertThat(retry.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(sameKeyOtherAmount.status()).isEqualTo(409);
        assertThat(fraction.status()).isEqualTo(422);
        assertThat(cash()).isEqualTo(cashBefore - 1500);
    }

    private TestHttp.Response importReport(String csv) {
        return edge.post("/api/v1/backoffice/payments/reconciliations?fileName=settlement.csv", csv).host(HOST)
                .header(AUTH, finance).header("Content-Type", "text/csv").send();
    }

    @Test
    void aSettlementReportIsMatchedByProviderReferenceAndWhatDiffersBecomesAnExceptionForFinance() {
        JsonNode deposit = awaitDeposit(deposit(UUID.randomUUID().toString(), "2200", "EUR").json().get("id").asString(), "succeeded");
        fund(5_000);
        JsonNode payout = awaitWithdrawal(withdraw(UUID.randomUUID().toString(), "1200").json().get("id").asString(), "paid");
        String csv = String.join("\n",
                "reference,type,amount,currency,status,settled_at",
                deposit.get("providerReference").asString() + ",payment,2200,EUR,succeeded,2026-11-26T10:00:00Z",
                payout.get("providerReference").asString() + ",payout,1200,EUR,paid,2026-11-26T10:05:00Z",
                "sbx_pay_unknown,payment,999,EUR,succeeded,2026-11-26T10:06:00Z",
                deposit.get("providerReference").asString().replace("sbx", "SBX") + ",payment,2200,EUR,succeeded,2026-11-26T10:07:00Z");
        String mismatched = csv.replace(",payout,1200,", ",payout,1300,");

        TestHttp.Response imported = importReport(mismatched);
        TestHttp.Response again = importReport(mismatched);
        TestHttp.Response broken = importReport("reference,amount\nx,12.5");
        JsonNode open = edge.get("/api/v1/backoffice/payments/reconciliations/exceptions").host(HOST).header(AUTH, finance)
                .send().json();
        String firstException = imported.json().at("/exceptions/0/id").asString();
        TestHttp.Response resolved = edge.post("/api/v1/backoffice/payments/reconciliations/exceptions/" + firstException
                + "/resolution", "{\"resolution\": \"PSP confirmed a reporting error\"}").host(HOST).header(AUTH, finance).send();
        TestHttp.Response byPlayer = edge.get("/api/v1/backoffice/payments/reconciliations/exceptions").host(HOST)
                .header(AUTH, playerToken).send();

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().at("/run/lines").asInt()).isEqualTo(4);
        assertThat(imported.json().at("/run/matched").asInt()).isEqualTo(1);
        assertThat(imported.json().get("exceptions").findValuesAsString("kind"))
                .containsExactly("amount_mismatch", "unmatched", "unmatched");
        assertThat(again.status()).as("the same file again is the same run").isEqualTo(200);
        assertThat(again.json().at("/run/id").asString()).isEqualTo(imported.json().at("/run/id").asString());
        assertThat(broken.status()).isEqualTo(422);
        assertThat(open.get("items").findValuesAsString("id")).contains(firstException);
        assertThat(resolved.status()).isEqualTo(200);
        assertThat(edge.get("/api/v1/backoffice/payments/reconciliations/exceptions").host(HOST).header(AUTH, finance)
                .send().json().get("items").findValuesAsString("id")).doesNotContain(firstException);
        assertThat(byPlayer.status()).isEqualTo(403);
    }

    @Test
    void financeRunsTheLedgerCheckAndSeesItRecorded() {
        adjust(UUID.randomUUID().toString(), credit("cash", "100", "EUR"));

        TestHttp.Response run = edge.post("/api/v1/backoffice/wallet/checks", "").host(HOST).header(AUTH, finance).send();
        JsonNode listed = edge.get("/api/v1/backoffice/wallet/checks").host(HOST).header(AUTH, finance).send().json();
        TestHttp.Response byPlayer = edge.post("/api/v1/backoffice/wallet/checks", "").host(HOST).header(AUTH, playerToken).send();

        assertThat(run.status()).isEqualTo(201);
        assertThat(run.json().get("passed").asBoolean()).as(run.body()).isTrue();
        assertThat(run.json().get("transactionsChecked").asLong()).isPositive();
        assertThat(listed.at("/items/0/id").asString()).isEqualTo(run.json().get("id").asString());
        assertThat(byPlayer.status()).isEqualTo(403);
    }
}
