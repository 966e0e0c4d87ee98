package com.sportsbook.controlplane.signup;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Self-service signup on real HTTP, a real Keycloak (the account in the platform realm), real PostgreSQL and a real
 * SMTP server (GreenMail, in the control plane as in the embedded mode): the mail's link is read out of the mailbox
 * and followed, after which, and only after which, the operator can sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperatorSignupIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final TestKeycloak.Server KEYCLOAK = TestKeycloak.server();
    private static final RealmAccounts ACCOUNTS = new RealmAccounts(KEYCLOAK);
    private static final String PASSWORD = "Signup-Pass-2026";

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        ControlPlaneTestSettings.keycloak(registry, KEYCLOAK);
        registry.add("control-plane.signup.mail-embedded", () -> "true");
        registry.add("control-plane.signup.portal-url", () -> "http://platform.localhost:8080/portal/");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestHttp http;

    @BeforeEach
    void connect() {
        http = new TestHttp("http://localhost:" + port);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ACCOUNTS.platformBearer("platform-admin") != null);
    }

    @Test
    void anOperatorWhoFollowsTheMailedLinkCanSignInAndTheTermsVersionIsRecorded() {
        String email = unique("ada") + "@operator.test";

        TestHttp.Response signup = http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send();

        assertThat(signup.status()).isEqualTo(202);
        assertThat(ACCOUNTS.platformSignInStatus(email, PASSWORD)).as("not before the address is confirmed").isIn(400, 401);
        JsonNode mail = mailTo(email);
        assertThat(mail.get("subject").asString()).isEqualTo("Confirm your e-mail address");
        String link = mail.get("links").get(0).asString();
        assertThat(link).startsWith("http://platform.localhost:8080/portal/#/verify?token=");
        String token = link.substring(link.indexOf("token=") + "token=".length());

        TestHttp.Response verified = http.post("/api/v1/signups/verification", "{\"token\": \"" + token + "\"}").send();

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("email").asString()).isEqualTo(email);
        String bearer = ACCOUNTS.platformSignIn(email, PASSWORD);
        JsonNode mine = http.get("/api/v1/signups/me").header("Authorization", "Bearer " + bearer).send().json();
        assertThat(mine.get("termsVersion").asString()).isEqualTo("2026-11");
        assertThat(mine.get("company").asString()).isEqualTo("Ada Gaming Ltd");
        assertThat(jdbc.sql("SELECT count(*) FROM control_plane.operator_signup WHERE email = :e AND verified_at IS NOT NULL AND terms_accepted_at IS NOT NULL")
                .param("e", email).query(Long.class).single()).isEqualTo(1L);
        assertThat(jdbc.sql("SELECT count(*) FROM control_plane.operator_signup WHERE token_hash = :t").param("t", token)
                .query(Long.class).single()).as("only the token's hash is stored").isZero();
        TestHttp.Response again = http.post("/api/v1/signups/verification", "{\"token\": \"" + token + "\"}").send();
        assertThat(again.json().get("alreadyVerified").asBoolean()).as("following the link twice is harmless").isTrue();
    }

    @Test
    void aVerifiedOperatorMayCreateTenantsWithTheOperatorRole() {
        String email = unique("grace") + "@operator.test";
        http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send();
        String link = mailTo(email).get("links").get(0).asString();
        http.post("/api/v1/signups/verification", "{\"token\": \"" + link.substring(link.indexOf("token=") + 6) + "\"}").send();
        String bearer = "Bearer " + ACCOUNTS.platformSignIn(email, PASSWORD);

        TestHttp.Response templates = http.get("/api/v1/templates").header("Authorization", bearer).send();
        TestHttp.Response tenants = http.get("/api/v1/tenants").header("Authorization", bearer).send();
        TestHttp.Response suspend = http.post("/api/v1/tenants/anything/suspension", "").header("Authorization", bearer).send();

        assertThat(templates.status()).isEqualTo(200);
        assertThat(templates.json().get("jurisdictions").findValuesAsString("code")).contains("GB", "MT", "SE", "US-NJ");
        assertThat(templates.json().get("currencies").findValuesAsString("code")).contains("EUR", "JPY");
        assertThat(tenants.status()).isEqualTo(200);
        assertThat(suspend.status()).as("operators are not platform admins").isEqualTo(403);
    }

    @Test
    void badSignupsAreRefusedWithProblemDetailsAndCreateNothing() {
        String email = unique("bad") + "@operator.test";

        TestHttp.Response weak = http.post("/api/v1/signups", body(email, "short", "2026-11")).send();
        TestHttp.Response unaccepted = http.post("/api/v1/signups", body(email, PASSWORD, null)).send();
        TestHttp.Response outdated = http.post("/api/v1/signups", body(email, PASSWORD, "2020-01")).send();
        TestHttp.Response notAnAddress = http.post("/api/v1/signups", body("not-an-address", PASSWORD, "2026-11")).send();
        TestHttp.Response controlCharacters = http.post("/api/v1/signups",
                body(email, PASSWORD, "2026-11").replace("Ada Gaming Ltd", "Ada\\u0000Ltd")).send();
        TestHttp.Response malformed = http.post("/api/v1/signups", "{\"email\": ").send();

        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().at("/errors/0/field").asString()).isEqualTo("password");
        assertThat(unaccepted.status()).isEqualTo(422);
        assertThat(unaccepted.json().at("/errors/0/field").asString()).isEqualTo("acceptedTermsVersion");
        assertThat(outdated.status()).isEqualTo(422);
        assertThat(outdated.json().get("code").asString()).isEqualTo("terms_outdated");
        assertThat(notAnAddress.status()).isEqualTo(422);
        assertThat(controlCharacters.status()).isEqualTo(422);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM control_plane.operator_signup WHERE email = :e").param("e", email).query(Long.class).single())
                .isZero();
        assertThat(http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send().status())
                .as("the address is still free after the refusals").isEqualTo(202);
        assertThat(http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send().json().get("code").asString())
                .isEqualTo("email_taken");
    }

    @Test
    void aForgedOrExpiredLinkIsRefused() {
        String email = unique("late") + "@operator.test";
        http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send();
        String link = mailTo(email).get("links").get(0).asString();
        String token = link.substring(link.indexOf("token=") + 6);
        jdbc.sql("UPDATE control_plane.operator_signup SET token_expires_at = now() - interval '1 minute' WHERE email = :e").param("e", email).update();

        TestHttp.Response forged = http.post("/api/v1/signups/verification", "{\"token\": \"forged-token\"}").send();
        TestHttp.Response expired = http.post("/api/v1/signups/verification", "{\"token\": \"" + token + "\"}").send();

        assertThat(forged.status()).isEqualTo(404);
        assertThat(forged.json().get("code").asString()).isEqualTo("unknown_verification");
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.json().get("code").asString()).isEqualTo("verification_expired");
        assertThat(ACCOUNTS.platformSignInStatus(email, PASSWORD)).isIn(400, 401);
        assertThat(http.post("/api/v1/signups", body(email, PASSWORD, "2026-11")).send().status())
                .as("an expired signup gives the address back").isEqualTo(202);
    }

    private JsonNode mailTo(String email) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode mail : http.get("/dev/mailbox").send().json()) {
                if (mail.get("to").asString().contains(email)) {
                    found[0] = mail;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String body(String email, String password, String terms) {
        return """
                {"email": "%s", "firstName": "Ada", "lastName": "Lovelace", "company": "Ada Gaming Ltd",
                 "password": "%s", "acceptedTermsVersion": %s}
                """.formatted(email, password, terms == null ? "null" : "\"" + terms + "\"");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
