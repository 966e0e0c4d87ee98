package com.sportsbook.controlplane.tenants;

import com.sportsbook.controlplane.ControlPlaneTestSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sportsbook.commons.identity.PlatformRealm;
import com.sportsbook.commons.testing.RealmAccounts;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestHttp;
import com.sportsbook.commons.testing.TestKeycloak;
import com.sportsbook.commons.testing.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The brand wizard's and the brand settings' API on real HTTP against real PostgreSQL and Keycloak: branding at
 * creation, edits that reach the routing directory (the version moves, the theme changes), the logo upload and its
 * refusals, and the wizard's bad input.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BrandSettingsIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final TestKeycloak.Server KEYCLOAK = TestKeycloak.server();
    private static final RealmAccounts ACCOUNTS = new RealmAccounts(KEYCLOAK);
    private static final String TOKEN = ControlPlaneTestSettings.INTERNAL_TOKEN;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        ControlPlaneTestSettings.database(registry, DATABASE);
        ControlPlaneTestSettings.noRuntime(registry);
        ControlPlaneTestSettings.keycloak(registry, KEYCLOAK);
    }

    @LocalServerPort
    int port;

    private TestHttp http;

    @BeforeEach
    void connect() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN) != null);
        http = new TestHttp("http://localhost:" + port)
                .withDefaultHeader("Authorization", () -> ACCOUNTS.platformBearer(PlatformRealm.ADMIN));
    }

    private static String tenant(String slug, String name, String branding, String currencies, String jurisdictions) {
        return """
                {"slug": "%s", "operator": {"name": "%s Ltd", "contactEmail": "ops@%s.test"},
                 "brand": {"slug": "%s", "name": "%s", "hosts": ["%s.example.com"], "defaultCurrency": "EUR",
                           "currencies": %s, "languages": ["en"], "jurisdictions": %s, "branding": %s}}
                """.formatted(slug, slug, slug, slug, name.replace("\"", "\\\""), slug, currencies, jurisdictions, branding);
    }

    private JsonNode brandInDirectory(String brand) {
        JsonNode directory = new TestHttp("http://localhost:" + port).get("/internal/v1/routing")
                .header("X-Internal-Token", TOKEN).send().json();
        for (JsonNode candidate : directory.get("brands")) {
            if (candidate.get("slug").asString().equals(brand)) {
                return candidate;
            }
        }
        throw new AssertionError("brand " + brand + " is not in the routing directory");
    }

    private long directoryVersion() {
        return new TestHttp("http://localhost:" + port).get("/internal/v1/routing")
                .header("X-Internal-Token", TOKEN).send().json().get("version").asLong();
    }

    @Test
    void theWizardsColoursFontsAndLogoTextBecomeTheBrandsThemeInTheDirectory() {
        TestHttp.Response created = http.post("/api/v1/tenants", tenant("tinted", "Tinted Bet",
                "{\"colors\": {\"primary\": \"#0a7a3b\"}, \"fonts\": {\"heading\": \"slab\"}, \"logoText\": \"TINTED\"}",
                "[\"EUR\"]", "[\"MT\"]")).send();

        assertThat(created.status()).isEqualTo(202);
        JsonNode theme = brandInDirectory("tinted").get("theme");
        assertThat(theme.at("/colors/primary").asString()).isEqualTo("#0a7a3b");
        assertThat(theme.at("/colors/text").asString()).as("the template's other colours stay").isNotBlank();
        assertThat(theme.at("/fonts/heading").asString()).startsWith("Rockwell");
        assertThat(theme.at("/logo/text").asString()).isEqualTo("TINTED");
    }

    @Test
    void anEditReachesTheDirectoryWithANewVersionAndAScriptInTheNameIsKeptAsText() {
        http.post("/api/v1/tenants", tenant("edited", "Edited Bet", "null", "[\"EUR\"]", "[\"MT\"]")).send();
        long before = directoryVersion();
        String scripted = "<script>alert('x')</script> Bet";

        TestHttp.Response edit = http.request("PATCH", "/api/v1/tenants/edited/brands/edited", """
                {"name": "%s", "branding": {"colors": {"secondary": "#ffcc00"}}, "currencies": ["EUR", "SEK"], "languages": ["en", "sv"]}
                """.formatted(scripted)).send();

        assertThat(edit.status()).isEqualTo(200);
        assertThat(directoryVersion()).isGreaterThan(before);
        JsonNode brand = brandInDirectory("edited");
        assertThat(brand.get("name").asString()).isEqualTo(scripted);
        assertThat(brand.at("/theme/colors/secondary").asString()).isEqualTo("#ffcc00");
        assertThat(brand.get("currencies").toString()).contains("SEK");
    }

    @Test
    void aLogoIsStoredServedToTheRuntimeAndNamedInTheTheme() throws Exception {
        http.post("/api/v1/tenants", tenant("logoed", "Logo Bet", "null", "[\"EUR\"]", "[\"MT\"]")).send();
        byte[] png = LogoImageTest.image("png", 200, 50);

        HttpResponse<String> upload = put("/api/v1/tenants/logoed/brands/logoed/logo", "image/png", png);

        assertThat(upload.statusCode()).isEqualTo(200);
        String imageUrl = brandInDirectory("logoed").at("/theme/logo/imageUrl").asString();
        assertThat(imageUrl).startsWith("/api/v1/brand/logo?v=");
        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/internal/v1/brands/logoed/logo")).header("X-Internal-Token", TOKEN).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.body()).isEqualTo(png);
        assertThat(imageUrl).endsWith(served.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    @Test
    void oversizeAndNonImageLogosAreRefusedWith4xxProblems() throws Exception {
        http.post("/api/v1/tenants", tenant("refused", "Refused Bet", "null", "[\"EUR\"]", "[\"MT\"]")).send();
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> tooLarge = put("/api/v1/tenants/refused/brands/refused/logo", "image/png", new byte[300 * 1024]);
        HttpResponse<String> notAnImage = put("/api/v1/tenants/refused/brands/refused/logo", "image/svg+xml", svg);
        HttpResponse<String> lying = put("/api/v1/tenants/refused/brands/refused/logo", "image/png", "GIF89a not really".getBytes(StandardCharsets.UTF_8));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("logo_too_large");
        assertThat(notAnImage.statusCode()).isEqualTo(415);
        assertThat(notAnImage.body()).contains("logo_not_an_image");
        assertThat(lying.statusCode()).isEqualTo(415);
        assertThat(brandInDirectory("refused").at("/theme/logo/imageUrl").isMissingNode()).isTrue();
    }

    @Test
    void theWizardsBadInputIsRefusedWithFieldProblemsNeverA500() {
        http.post("/api/v1/tenants", tenant("taken", "Taken Bet", "null", "[\"EUR\"]", "[\"MT\"]")).send();

        TestHttp.Response duplicateSlug = http.post("/api/v1/tenants", tenant("taken", "Again", "null", "[\"EUR\"]", "[\"MT\"]")).send();
        TestHttp.Response badCurrency = http.post("/api/v1/tenants", tenant("money", "Money", "null", "[\"EUR\", \"XAU\", \"EURO\"]", "[\"MT\"]")).send();
        TestHttp.Response badJurisdiction = http.post("/api/v1/tenants", tenant("where", "Where", "null", "[\"EUR\"]", "[\"XX\"]")).send();
        TestHttp.Response badColour = http.post("/api/v1/tenants", tenant("paint", "Paint", "{\"colors\": {\"primary\": \"red;}\"}}", "[\"EUR\"]", "[\"MT\"]")).send();
        TestHttp.Response badEdit = http.request("PATCH", "/api/v1/tenants/taken/brands/taken", "{\"currencies\": [\"ABC\"], \"branding\": {\"fonts\": {\"body\": \"Papyrus\"}}}").send();
        TestHttp.Response unknownBrand = http.request("PATCH", "/api/v1/tenants/taken/brands/nope", "{\"name\": \"x\"}").send();

        assertThat(duplicateSlug.status()).isEqualTo(409);
        assertThat(duplicateSlug.json().get("code").asString()).isEqualTo("tenant_slug_taken");
        assertThat(badCurrency.status()).isEqualTo(422);
        assertThat(badCurrency.json().get("errors").findValuesAsString("field")).contains("brand.currencies[1]", "brand.currencies[2]");
        assertThat(badJurisdiction.status()).isEqualTo(422);
        assertThat(badJurisdiction.json().get("errors").findValuesAsString("field")).contains("brand.jurisdictions[0]");
        assertThat(badColour.status()).isEqualTo(422);
        assertThat(badColour.json().get("errors").findValuesAsString("field")).contains("brand.branding.colors.primary");
        assertThat(badEdit.status()).isEqualTo(422);
        assertThat(badEdit.json().get("errors").findValuesAsString("field")).contains("brand.currencies[0]", "branding.fonts.body");
        assertThat(unknownBrand.status()).isEqualTo(404);
    }

    private HttpResponse<String> put(String path, String contentType, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", ACCOUNTS.platformBearer(PlatformRealm.ADMIN))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

}
