package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The platform console in headless Chromium, through the gateway on the platform host, with a real Keycloak (staff
 * sign in with password and OTP on the platform realm's page), the real runtime and the real gateway: a platform
 * admin sees the tenants with their health and schema version, suspends a tenant (its brand host answers 503 with the
 * clear page within seconds) and resumes it, runs the upgrade of every tenant schema and sees the progress bar
 * complete, and finds all of it in the audit view with their own name on it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformConsoleIT {

    private static final String TENANT = "sigma";
    private static final String HOST = "sigma.localhost";
    private static final String ROW = "tr[data-tenant='" + TENANT + "']";

    private RunningPlatform platform;
    private RealmAccounts accounts;
    private TestHttp edge;
    private String console;

    @BeforeAll
    void startPlatformWithABrand() {
        platform = RunningPlatform.withTenant(TENANT, HOST);
        edge = platform.edge();
        accounts = platform.accounts();
        console = "http://" + RunningPlatform.PLATFORM_HOST + ":" + platform.gatewayPort + "/console/";
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    private RealmAccounts.StaffAccount signInAsPlatformAdmin(SkinBrowser browser) {
        RealmAccounts.StaffAccount admin = accounts.platformStaffAccount(PlatformRealm.ADMIN);
        browser.open(console);
        browser.click("#sign-in");
        browser.signInOnRealm(admin);
        browser.awaitTextContaining("#account-name", admin.username());
        return admin;
    }

    @Test
    void theConsolesPagesAreServedOnThePlatformHostAndItsDataNeedsPlatformStaff() {
        TestHttp.Response page = edge.get("/console/").host(RunningPlatform.PLATFORM_HOST).header("Accept", "text/html").send();
        TestHttp.Response withoutSlash = edge.get("/console").host(RunningPlatform.PLATFORM_HOST).send();
        TestHttp.Response data = edge.get("/api/v1/platform/tenants").host(RunningPlatform.PLATFORM_HOST).send();
        TestHttp.Response operator = edge.get("/api/v1/audit").host(RunningPlatform.PLATFORM_HOST)
                .header("Authorization", accounts.platformBearer(PlatformRealm.OPERATOR)).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/console/console.js");
        assertThat(withoutSlash.status()).isEqualTo(302);
        assertThat(withoutSlash.header("Location")).endsWith("/console/");
        assertThat(data.status()).isEqualTo(401);
        assertThat(operator.status()).as("operators are not platform staff").isEqualTo(403);
    }

    @Test
    void anAdminSuspendsAndResumesATenantRunsTheUpgradeAndFindsItAllInTheAudit() {
        // a brand name that is markup must be shown as typed, never run
        String scripted = "<img src=x onerror=alert(1)> Sigma Bet";
        TestHttp.Response renamed = edge.request("PATCH", "/api/v1/tenants/" + TENANT + "/brands/" + TENANT,
                        "{\"name\": \"" + scripted.replace("\"", "\\\"") + "\"}")
                .host(RunningPlatform.PLATFORM_HOST).header("Authorization", accounts.platformBearer(PlatformRealm.ADMIN)).send();
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            RealmAccounts.StaffAccount admin = signInAsPlatformAdmin(browser);

            // tenants with status, provisioning, health and schema version (from the real runtime)
            browser.awaitText(ROW + " .status", "active");
            browser.awaitTextContaining(ROW + " .provisioning", "completed");
            browser.awaitTextContaining(ROW + " .health", "healthy");
            String version = browser.textOf(ROW + " .schema-version");
            assertThat(version).matches("\\d+/\\d+");
            assertThat(version.split("/")[0]).as("every shipped changeset applied").isEqualTo(version.split("/")[1]);
            assertThat(Integer.parseInt(version.split("/")[0])).isGreaterThan(10);
            assertThat(browser.textOf(ROW + " .last-changeset")).contains(".yaml");
            assertThat(browser.attributeOf("#runtime-status", "data-reachable")).isEqualTo("true");
            assertThat(browser.textOf(ROW + " .hosts")).contains(scripted).contains(HOST);
            assertThat(browser.alertOpen()).as("the name's markup did not run").isFalse();

            // suspend: the brand's host answers 503 with the clear page within seconds
            browser.click(ROW + " .suspend");
            long clicked = System.nanoTime();
            browser.awaitTextContaining("#result", "Suspended " + TENANT);
            browser.awaitText(ROW + " .status", "suspended");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                    edge.get("/api/v1/brand").host(HOST).send().status() == 503);
            platform.record("console suspend to 503 at the edge: %d ms".formatted((System.nanoTime() - clicked) / 1_000_000));
            TestHttp.Response closed = edge.get("/").host(HOST).header("Accept", "text/html").send();
            assertThat(closed.status()).isEqualTo(503);
            assertThat(closed.header("Content-Type")).startsWith("text/html");
            assertThat(closed.body()).contains("Temporarily unavailable").contains("Your account and balance are safe")
                    .doesNotContain("<img src=x");
            assertThat(closed.header("Retry-After")).isNotBlank();

            // resume: it serves again
            browser.click(ROW + " .resume");
            browser.awaitTextContaining("#result", "Resumed " + TENANT);
            browser.awaitText(ROW + " .status", "active");
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                    edge.get("/api/v1/brand").host(HOST).send().status() == 200);

            // the upgrade of every tenant schema, followed to the end on the progress bar
            Instant beforeUpgrade = Instant.now();
            browser.open(console + "#/migrations");
            browser.click("#start-migrations");
            browser.awaitTextContaining("#result", "Upgrade started");
            browser.awaitText("#migration-percent", "100%");
            browser.awaitAttribute("#migration-summary", "data-state", "finished");
            assertThat(browser.textOf("#migration-summary")).contains("0 failed");
            assertThat(browser.attributeOf("#migration-progress", "data-state")).isEqualTo("finished");
            JsonNode progress = edge.get("/api/v1/platform/migrations").host(RunningPlatform.PLATFORM_HOST)
                    .header("Authorization", accounts.platformBearer(PlatformRealm.ADMIN)).send().json();
            assertThat(Instant.parse(progress.get("startedAt").asString())).as("the run the admin started").isAfter(beforeUpgrade.minusSeconds(1));
            assertThat(progress.get("done").asInt()).isEqualTo(progress.get("total").asInt()).isGreaterThanOrEqualTo(1);

            // the audit view: those actions with the admin's name on them, filtered and paged
            browser.open(console + "#/audit");
            String suspended = "#audit tr[data-action='tenant.suspended'][data-tenant='" + TENANT + "']";
            browser.awaitTextContaining(suspended + " .actor", admin.username());
            browser.awaitTextContaining("#audit tr[data-action='tenant.resumed'][data-tenant='" + TENANT + "'] .actor", admin.username());
            browser.awaitTextContaining("#audit tr[data-action='schemas.upgrade_started'] .actor", admin.username());
            browser.awaitTextContaining("#audit tr[data-action='brand.edited'][data-tenant='" + TENANT + "'] .detail", "name");

            browser.type("#audit-tenant", TENANT);
            browser.choose("#audit-action", "tenant.*");
            browser.click("#audit-apply");
            browser.awaitTextContaining("#audit tr[data-action='tenant.created'] .detail", HOST);
            assertThat(browser.count("#audit tbody tr")).as("created, activated, suspended, resumed").isEqualTo(4);
            assertThat(browser.count("#audit tr[data-action='brand.edited']")).isZero();
            assertThat(browser.currentUrl()).contains("tenant=" + TENANT);
        }
    }
}
