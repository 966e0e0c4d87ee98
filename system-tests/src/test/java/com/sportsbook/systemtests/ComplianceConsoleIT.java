package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The compliance console in headless Chromium, through the gateway on the brand's host: compliance officers sign in
 * on the tenant realm's back-office client (password and OTP on Keycloak's pages), change a jurisdiction rule with
 * four eyes, approve a KYC case, clear a sanctions screening hit, approve a PEP hit's enhanced due diligence and
 * preview and download a regulator export; a player or a trader who signs in is told plainly that they are not allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceConsoleIT {

    private static final String TENANT = "kappa";
    private static final String HOST = "kappa.localhost";
    private static final String AUTH = "Authorization";

    private RunningPlatform platform;
    private TestHttp edge;
    private RealmAccounts accounts;
    private String console;
    private String officerToken;

    @BeforeAll
    void startPlatformWithABrand() {
        platform = RunningPlatform.withTenant(TENANT, HOST);
        edge = platform.edge();
        accounts = platform.accounts();
        console = "http://" + HOST + ":" + platform.gatewayPort + "/backoffice/compliance/";
        officerToken = "Bearer " + accounts.staffToken(TENANT, "compliance-officer");
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /** A new compliance officer signs in on the console's page {@code page} (password, then the authenticator's code). */
    private RealmAccounts.StaffAccount signInAsOfficer(SkinBrowser browser, String page) {
        RealmAccounts.StaffAccount officer = accounts.staffAccountOf(TENANT, "compliance-officer");
        browser.open(console + page);
        browser.click("#sign-in");
        browser.signInOnRealm(officer);
        browser.awaitTextContaining("#account-name", officer.username());
        return officer;
    }

    @Test
    void theConsolesPagesAreServedOnTheBrandsHostWithoutSigningIn() {
        TestHttp.Response page = edge.get("/backoffice/compliance/").host(HOST).header("Accept", "text/html").send();
        TestHttp.Response withoutSlash = edge.get("/backoffice/compliance").host(HOST).send();
        TestHttp.Response module = edge.get("/backoffice/compliance/console.js").host(HOST).send();
        TestHttp.Response data = edge.get("/api/v1/backoffice/compliance/rules").host(HOST).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/backoffice/compliance/console.js");
        assertThat(withoutSlash.status()).isEqualTo(302);
        assertThat(withoutSlash.header("Location")).endsWith("/backoffice/compliance/");
        assertThat(module.status()).isEqualTo(200);
        assertThat(data.status()).as("the data behind it needs a compliance officer").isEqualTo(401);
    }

    @Test
    void aPlayerOrATraderWhoSignsInIsToldTheyAreNotAllowed() {
        BettingFixtures.Registered player = register("Petra", "Player", "1992-02-02");
        RealmAccounts.StaffAccount trader = accounts.staffAccountOf(TENANT, "trader");

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            browser.open(console);
            browser.click("#sign-in");
            browser.signInOnRealm(player.email(), BettingFixtures.PASSWORD);
            browser.awaitTextContaining("#not-allowed", "not allowed to use the compliance console");
            assertThat(browser.count("#console-nav:not([hidden])")).as("no queues to open").isZero();
            assertThat(browser.count("table")).as("no compliance data shown").isZero();

            browser.click("#sign-out");
            browser.click("#sign-in");
            browser.signInOnRealm(trader);
            browser.awaitTextContaining("#account-name", trader.username());
            browser.awaitTextContaining("#not-allowed", "not allowed to use the compliance console");
        }
    }

    /**
     * Four eyes in the browser: officer A sees the MT rules with their sources, is told in plain words that a looser
     * age is not possible, requests a stricter one, sees it pending and cannot approve it; officer B approves it and
     * the effective value changes, for the runtime too.
     */
    @Test
    void oneOfficerRequestsAStricterRuleAndASecondApprovesIt() {
        String minimumAge = "[data-jurisdiction='MT'] [data-rule='minimumAge']";
        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signInAsOfficer(browser, "#/rules");
            browser.awaitText(minimumAge + " .effective", "18");
            assertThat(browser.textOf(minimumAge + " .pack")).isEqualTo("18");
            assertThat(browser.textOf(minimumAge + " .source")).contains("Player Protection Directive");
            assertThat(browser.textOf(minimumAge + " .override")).isEqualTo("—");

            browser.choose("#change-jurisdiction", "MT");
            browser.choose("#change-rule", "minimumAge");
            browser.type("#change-value", "17");
            browser.type("#change-reason", "A wider audience");
            browser.click("#change-submit");
            browser.awaitTextContaining("#result", "would be looser than the MT pack requires (18)");

            browser.type("#change-value", "21");
            browser.type("#change-reason", "Operator policy: 21 and over only");
            browser.click("#change-submit");
            browser.awaitTextContaining("#result", "waits for a second compliance officer's approval");
            browser.awaitText("tr[data-status='requested'] .status", "Pending approval");
            browser.click("tr[data-status='requested'] .approve");
            browser.awaitTextContaining("#result", "You requested this change yourself");
            browser.awaitText(minimumAge + " .effective", "18");

            browser.click("#sign-out");
            RealmAccounts.StaffAccount second = signInAsOfficer(browser, "#/rules");
            browser.awaitText("tr[data-status='requested'] .status", "Pending approval");
            browser.click("tr[data-status='requested'] .approve");
            browser.awaitTextContaining("#result", "Approved");
            browser.awaitText(minimumAge + " .effective", "21");
            assertThat(browser.textOf(minimumAge + " .override")).startsWith("21").contains("approved by " + second.username());
            assertThat(browser.textOf("tr[data-status='approved'] .status")).startsWith("Approved by " + second.username());
        }
        JsonNode rules = edge.get("/api/v1/backoffice/compliance/rules").host(HOST).header(AUTH, officerToken).send().json();
        assertThat(rules.at("/brand/minimumAge").asInt()).as("the runtime applies it").isEqualTo(21);
    }

    /** A case the sandbox provider referred to an officer is in the queue, opened, and approved with a reason. */
    @Test
    void anOfficerApprovesAKycCaseInReviewFromTheQueue() {
        BettingFixtures.Registered rita = register("Rita", "Reviewson", "1990-05-05");
        String bearer = bearer(rita);
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.7 passport of Rita Reviewson".getBytes(StandardCharsets.UTF_8));
        for (String type : List.of("passport", "proof_of_address")) {
            TestHttp.Response uploaded = edge.post("/api/v1/kyc/documents", """
                    {"type": "%s", "fileName": "%s.pdf", "contentType": "application/pdf", "content": "%s"}"""
                    .formatted(type, type, pdf)).host(HOST).header(AUTH, bearer).send();
            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        }
        assertThat(edge.post("/api/v1/kyc/submission", "").host(HOST).header(AUTH, bearer).send().status()).isEqualTo(202);
        String caseId = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> referredCase(rita.id()),
                id -> id != null);

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signInAsOfficer(browser, "#/kyc");
            browser.awaitTextContaining("tr[data-case='" + caseId + "']", rita.id());
            browser.click("tr[data-case='" + caseId + "'] .open-case");
            browser.awaitText("#kyc-case-state", "In review");
            browser.awaitTextContaining("[aria-labelledby='kyc-documents']", "passport.pdf");
            browser.click("#kyc-approve");
            browser.awaitTextContaining("#result", "Give the reason");
            browser.type("#kyc-reason", "Passport and utility bill checked by hand");
            browser.click("#kyc-approve");
            browser.awaitTextContaining("#result", "Approved: the player's identity is verified.");
            browser.awaitText("#kyc-case-state", "Verified");
            browser.awaitTextContaining("[aria-labelledby='kyc-history']", "Passport and utility bill checked by hand");
        }
        assertThat(edge.get("/api/v1/kyc").host(HOST).header(AUTH, bearer).send().json().path("verified").asBoolean())
                .as("the player is verified").isTrue();
    }

    /** The in-review case of this player once the provider's referral has arrived, or null. */
    private String referredCase(String playerId) {
        JsonNode queue = edge.get("/api/v1/backoffice/compliance/kyc/cases").host(HOST).header(AUTH, officerToken).send().json();
        return queue.valueStream().filter(kase -> kase.get("playerId").asString().equals(playerId))
                .filter(kase -> !kase.path("providerVerdict").isNull() && !kase.path("providerVerdict").isMissingNode())
                .map(kase -> kase.get("id").asString()).findFirst().orElse(null);
    }

    /** A sanctioned namesake registers blocked; an officer clears both hits with a reason and the account opens. */
    @Test
    void anOfficerClearsAScreeningHitWithAReason() {
        BettingFixtures.Registered namesake = register("Ayman", "al-Zawahiri", "1951-06-19");
        assertThat(namesake.status()).isEqualTo("blocked");
        String hits = "tr[data-player='" + namesake.id() + "']";

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signInAsOfficer(browser, "#/screening");
            browser.awaitTextContaining(hits, "Zawahiri");
            assertThat(browser.count(hits)).as("the UN and the OFAC listing").isEqualTo(2);
            browser.click(hits + " .clear");
            browser.awaitTextContaining("#result", "Give the reason");
            browser.type(hits + " .hit-reason", "Passport seen: born in Malta, a namesake");
            browser.click(hits + " .clear");
            browser.awaitTextContaining("#result", "other open hits still block the account");
            assertThat(browser.count(hits)).isEqualTo(1);
            browser.type(hits + " .hit-reason", "Passport seen: born in Malta, a namesake");
            browser.click(hits + " .clear");
            browser.awaitTextContaining("#result", "the account is unblocked");
            assertThat(browser.count(hits)).isZero();

            browser.choose("#hit-status", "cleared");
            browser.awaitTextContaining(hits, "Passport seen: born in Malta, a namesake");
        }
        JsonNode cleared = edge.get("/api/v1/backoffice/compliance/screening/hits?status=cleared").host(HOST)
                .header(AUTH, officerToken).send().json();
        assertThat(cleared.valueStream().filter(hit -> hit.get("playerId").asString().equals(namesake.id()))
                .map(hit -> hit.get("reason").asString())).containsOnly("Passport seen: born in Malta, a namesake");
        assertThat(edge.get("/api/v1/players/me").host(HOST).header(AUTH, bearer(namesake)).send().json().at("/player/status").asString())
                .isEqualTo("active");
    }

    /**
     * A player registered under the name and birth date of FICT-PEP-0001 of the runtime's sample PEP list
     * ({@code pep/sample-fictional-peps.csv}) plays on with a PEP hit: the officer sees its kind, no confirmation but
     * the enhanced due diligence, is told in plain words that an approval needs the source of funds, approves with it,
     * and the hit shows as decided.
     */
    @Test
    void anOfficerApprovesThePepHitsDueDiligenceWithTheSourceOfFunds() {
        BettingFixtures.Registered pep = register("Ottokar", "Brannigastor", "1961-04-12");
        assertThat(pep.status()).as("a PEP may play").isEqualTo("active");
        String hits = "tr[data-player='" + pep.id() + "']";
        String sourceOfFunds = "Ministerial salary 2014-2019 and the sale of a family estate, deeds and tax returns seen";

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            RealmAccounts.StaffAccount officer = signInAsOfficer(browser, "#/screening");
            browser.awaitTextContaining(hits, "Brannigastor");
            assertThat(browser.count(hits)).as("the one PEP listing").isEqualTo(1);
            assertThat(browser.textOf(hits + " .kind")).isEqualTo("PEP");
            assertThat(browser.textOf(hits)).contains("FICT-PEP-0001");
            assertThat(browser.count(hits + " .confirm")).as("a PEP hit is not confirmed").isZero();

            browser.click(hits + " .approve-dd");
            browser.awaitTextContaining("#result", "Please check the form: Source of funds: required to approve");
            browser.type(hits + " .hit-source-of-funds", sourceOfFunds);
            browser.click(hits + " .approve-dd");
            browser.awaitTextContaining("#result", "Due diligence approved for Ottokar Brannigastor");
            assertThat(browser.count(hits)).as("no longer open").isZero();

            browser.choose("#hit-status", "approved");
            browser.awaitTextContaining(hits + " .decision", "Due diligence approved by " + officer.username());
            assertThat(browser.textOf(hits + " .decision")).contains("Source of funds: " + sourceOfFunds);
            assertThat(browser.textOf(hits + " .kind")).isEqualTo("PEP");
        }
        JsonNode approved = edge.get("/api/v1/backoffice/compliance/screening/hits?status=approved&kind=pep").host(HOST)
                .header(AUTH, officerToken).send().json();
        assertThat(approved.valueStream().filter(hit -> hit.get("playerId").asString().equals(pep.id()))
                .map(hit -> hit.get("sourceOfFunds").asString())).containsExactly(sourceOfFunds);
        assertThat(edge.get("/api/v1/players/me").host(HOST).header(AUTH, bearer(pep)).send().json().at("/player/status").asString())
                .isEqualTo("active");
    }

    /** The wagers export of the brand's licence: nothing in a quiet window, the bet in the window it was placed in. */
    @Test
    void theExportsPageShowsNoActivityForAQuietWindowAndTheBetsOfABusyOne() {
        BettingFixtures.pushMatch(platform, "cc:1", "Brentford", "Fulham");
        BettingFixtures.Punter punter = BettingFixtures.punter(edge, accounts, TENANT, HOST, 10_000);
        String bet = BettingFixtures.singleOnHome(edge, HOST, punter, "Brentford v Fulham", 300);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            signInAsOfficer(browser, "#/exports");
            browser.choose("#export-licence", "MT");
            browser.choose("#export-kind", "wagers");
            browser.setDate("#export-from", "2020-01-01");
            browser.setDate("#export-to", "2020-01-31");
            browser.click("#export-preview");
            browser.awaitText("#export-empty", "No activity");
            assertThat(browser.textOf("#export-summary")).contains("0 rows");

            browser.setDate("#export-from", today.minusDays(1).toString());
            browser.setDate("#export-to", today.toString());
            browser.click("#export-preview");
            browser.awaitTextContaining("#export-output table", bet);
            assertThat(browser.count("#export-output [data-row]")).isEqualTo(1);
            browser.click("#export-csv");
            browser.awaitTextContaining("#result", "Downloaded");
            assertThat(browser.textOf("#result")).contains(".csv");
        }
    }

    private BettingFixtures.Registered register(String firstName, String lastName, String dateOfBirth) {
        return BettingFixtures.register(edge, HOST, firstName, lastName, dateOfBirth);
    }

    /** The player signed in on the brand, as the value of an Authorization header. */
    private String bearer(BettingFixtures.Registered player) {
        return "Bearer " + accounts.signIn(TENANT, player.email(), BettingFixtures.PASSWORD);
    }
}
