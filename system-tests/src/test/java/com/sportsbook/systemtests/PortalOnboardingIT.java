package com.sportsbook.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sportsbook.commons.testing.RealmAccounts;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator's whole first hour in a real headless Chromium, through the gateway, with a real Keycloak and real
 * SMTP: sign up on the portal, open the link from the mail, sign in on the platform realm's page, fill in the brand
 * wizard (colours, fonts, logo image, currencies, jurisdictions, provider credentials) while the preview follows,
 * watch provisioning finish, and find the new brand's skin answering on its own host in its own colours and logo.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalOnboardingIT {

    private static final Pattern LINK = Pattern.compile("https?://\\S+#/verify\\?token=[A-Za-z0-9_%-]+");
    private static final String PASSWORD = "Portal-Pass-2026";

    private RunningPlatform platform;
    private RealmAccounts accounts;

    @BeforeAll
    void startPlatform() {
        platform = new RunningPlatform();
        platform.start();
        accounts = platform.accounts();
        // the platform realm (and its portal client) is set up by the control plane shortly after it starts
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> accounts.platformBearer("platform-admin") != null);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anOperatorSignsUpVerifiesCreatesABrandAndItsSkinAnswersOnItsHostWithItsTheme() throws Exception {
        String suffix = UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 6);
        String slug = "portal" + suffix;
        String host = slug + ".localhost";
        String email = "operator-" + suffix + "@portal.test";
        String brandName = "<script>alert('x')</script> Portal Bet";
        String portal = "http://" + RunningPlatform.PLATFORM_HOST + ":" + platform.gatewayPort + "/portal/";
        Path logo = Files.createTempFile("logo", ".png");
        BufferedImage image = new BufferedImage(160, 40, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(image, "png", logo.toFile());

        try (SkinBrowser browser = SkinBrowser.desktop()) {
            browser.open(portal + "#/signup");
            browser.type("#signup-first-name", "Ada");
            browser.type("#signup-last-name", "Lovelace");
            browser.type("#signup-company", "Portal Gaming Ltd");
            browser.type("#signup-email", email);
            browser.type("#signup-password", PASSWORD);
            browser.check("#signup-accept");
            browser.click("#signup-submit");
            browser.awaitText("#signup-sent h1", "Check your mail");

            String link = verificationLinkTo(email);
            assertThat(link).startsWith(portal + "#/verify?token=");
            browser.open(link);
            browser.awaitText("#verified h1", "Your e-mail address is confirmed");
            browser.click("#verified-signin");
            browser.signInOnRealm(email, PASSWORD);
            browser.awaitText("#signed-in-as", email);

            browser.open(portal + "#/new");
            browser.awaitVisible("#wizard-form");
            assertThat(browser.attributeOf("#wizard-company", "value")).as("taken from the signup").isNotNull();
            browser.type("#wizard-slug", slug);
            browser.type("#wizard-name", brandName);
            browser.type("#wizard-hosts", host);
            browser.choose("#wizard-theme", "demo");
            browser.setColor("#wizard-color-primary", "#0a7a3b");
            browser.choose("#wizard-font-heading", "slab");
            browser.type("#wizard-logo-text", "PORTAL");
            browser.upload("#wizard-logo", logo);
            assertThat(browser.computedStyle("#skin-preview header", "background-color"))
                    .as("the preview follows the colour at once").isEqualTo("rgb(10, 122, 59)");
            browser.awaitVisible("#preview-logo-image");
            browser.check("input[name=currency][value=GBP]");
            browser.check("input[name=jurisdiction][value=MT]");
            browser.choose("#wizard-psp", "psp.sandbox");
            browser.type("#wizard-psp-webhook-secret", "whsec-portal-0123456789");
            browser.type("#wizard-kyc-api-key", "kyc-api-key-portal-4242");
            browser.type("#wizard-kyc-webhook-secret", "kyc-webhook-secret-portal-4242");

            long submitted = System.nanoTime();
            browser.click("#wizard-submit");
            browser.awaitTextWithin("#provisioning-status", "Your brand is live.", Duration.ofSeconds(120));
            assertThat(browser.count("#provisioning-steps li[data-status=done]")).isEqualTo(browser.count("#provisioning-steps li"));
            browser.awaitVisible("a.brand-link");
            String brandUrl = browser.attributeOf("a.brand-link", "href");
            assertThat(brandUrl).isEqualTo("http://" + host + ":" + platform.gatewayPort + "/");

            browser.open(brandUrl);
            browser.awaitVisible("#logo img.logo-image");
            long live = Duration.ofNanos(System.nanoTime() - submitted).toMillis();
            platform.record("portal: submit to live (brand skin answering with its theme) %d ms".formatted(live));
            assertThat(browser.attributeOf("#logo img.logo-image", "src")).startsWith("/api/v1/brand/logo?v=");
            assertThat(browser.cssVariable("--primary")).isEqualTo("#0a7a3b");
            assertThat(browser.title()).as("the name is shown as typed, never run").isEqualTo(brandName);
            assertThat(browser.alertOpen()).isFalse();
            assertThat(platform.edge().get("/api/v1/brand/logo").host(host).send().status()).isEqualTo(200);

            // the credentials were stored, and only their last four characters come back
            String operator = "Bearer " + accounts.platformSignIn(email, PASSWORD);
            String masked = platform.edge().get("/api/v1/tenants/" + slug + "/credentials/kyc.provider")
                    .host(RunningPlatform.PLATFORM_HOST).header("Authorization", operator).send().body();
            assertThat(masked).contains("4242").doesNotContain("kyc-api-key-portal");

            // an edit in the portal reaches the live skin within seconds, with no restart
            browser.open(portal + "#/tenants/" + slug);
            browser.awaitVisible("#settings-form");
            browser.setColor("#settings-primary", "#7a0a3b");
            browser.click("#settings-save");
            browser.awaitText("#settings-outcome", "Saved.");
            long saved = System.nanoTime();
            browser.open(brandUrl);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).until(() -> {
                browser.open(brandUrl);
                browser.awaitVisible("#logo");
                return "#7a0a3b".equals(browser.cssVariable("--primary"));
            });
            platform.record("portal: brand edit to live skin %d ms".formatted(Duration.ofNanos(System.nanoTime() - saved).toMillis()));

            // suspended by platform staff, its host answers 503 with a plain page naming the brand as text
            String admin = accounts.platformBearer("platform-admin");
            assertThat(platform.edge().post("/api/v1/tenants/" + slug + "/suspension", "").host(RunningPlatform.PLATFORM_HOST)
                    .header("Authorization", admin).send().status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> platform.edge().get("/").host(host).header("Accept", "text/html").send().status() == 503);
            browser.open(brandUrl);
            browser.awaitText("h1", brandName);
            assertThat(browser.alertOpen()).isFalse();
        } finally {
            Files.deleteIfExists(logo);
        }
    }

    private String verificationLinkTo(String email) {
        String[] link = new String[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Optional<MimeMessage> mail = Arrays.stream(platform.mail.getReceivedMessages())
                    .filter(message -> recipients(message).contains(email)).findFirst();
            if (mail.isEmpty()) {
                return false;
            }
            Matcher matcher = LINK.matcher(plainText(mail.get()));
            if (!matcher.find()) {
                return false;
            }
            link[0] = matcher.group();
            return true;
        });
        return link[0];
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(plainText(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    /**
     * The terms' acceptance is recorded from the operator's address: the gateway names the client it served (a
     * loopback address of its own here, 127.0.0.2, where the gateway calls the control plane from 127.0.0.1), and an
     * address the client claims in {@code X-Forwarded-For} is not believed.
     */
    @Test
    void aSignupThroughTheGatewayRecordsTheOperatorsAddressNotTheGatewaysNorOneItClaims() throws Exception {
        String email = "address-" + UUID.randomUUID().toString().substring(0, 8) + "@portal.test";
        HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.2"))
                .connectTimeout(Duration.ofSeconds(5)).build();
        String gateway = "http://127.0.0.1:" + platform.gatewayPort;
        HttpResponse<String> terms = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/signups/terms"))
                .header("Host", RunningPlatform.PLATFORM_HOST).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(terms.statusCode()).isEqualTo(200);
        Matcher version = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(terms.body());
        assertThat(version.find()).as(terms.body()).isTrue();

        HttpResponse<String> signup = client.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/signups"))
                .header("Host", RunningPlatform.PLATFORM_HOST).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.9")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email":"%s","firstName":"Grace","lastName":"Hopper","company":"Address Gaming Ltd",
                         "password":"%s","acceptedTermsVersion":"%s"}""".formatted(email, PASSWORD, version.group(1))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(202);

        try (Connection connection = DriverManager.getConnection(platform.database.jdbcUrl(), platform.database.user(),
                platform.database.password());
                PreparedStatement query = connection.prepareStatement(
                        "SELECT accepted_from FROM control_plane.operator_signup WHERE email = ?")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the signup is recorded").isTrue();
                assertThat(row.getString(1)).isEqualTo("127.0.0.2");
            }
        }
    }
}
