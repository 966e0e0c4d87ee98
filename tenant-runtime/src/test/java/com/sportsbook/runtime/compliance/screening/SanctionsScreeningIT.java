package com.sportsbook.runtime.compliance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sportsbook.commons.TenantSlug;
import com.sportsbook.commons.testing.TestDatabase;
import com.sportsbook.commons.testing.TestPostgres;
import com.sportsbook.runtime.RuntimeTestSettings;
import com.sportsbook.runtime.TestTenants;
import com.sportsbook.runtime.compliance.screening.core.ListSource;
import com.sportsbook.runtime.identity.InMemoryPlayerIdentities;
import com.sportsbook.runtime.identity.PlayerRegistration;
import com.sportsbook.runtime.identity.PlayerView;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.tenancy.BoundTenant;
import com.sportsbook.runtime.tenancy.TenantContext;
import com.sportsbook.runtime.tenancy.TenantDirectory;
import com.sportsbook.runtime.tenancy.TenantSchemaMigrator;
import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Screening on PostgreSQL through the real registration path and the real routing directory (a fake control plane
 * serving it), with player users kept in memory instead of Keycloak: a sanctioned person's registration opens a
 * blocked account with open cases, clearing every hit unblocks it, a confirmed hit keeps it blocked past staff, and
 * a new list version re-screens the existing players and blocks the one it now lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(InMemoryPlayerIdentities.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SanctionsScreeningIT {

    private static final TestDatabase DATABASE = TestPostgres.freshDatabase();
    private static final FakeControlPlane CONTROL_PLANE = new FakeControlPlane();
    private static final Path LIST_DIRECTORY = temporaryDirectory();
    private static final BoundTenant TENANT = new BoundTenant(new TenantSlug("screen1"), "screen1-main");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        RuntimeTestSettings.standalone(registry, DATABASE, 8);
        registry.add("runtime.tenancy.control-plane-url", CONTROL_PLANE::url);
        registry.add("runtime.compliance.screening.list-directory", LIST_DIRECTORY::toString);
    }

    @Autowired
    Players players;

    @Autowired
    InMemoryPlayerIdentities identities;

    @Autowired
    ScreeningCases cases;

    @Autowired
    ScreeningDecisions decisions;

    @Autowired
    ScreeningLists lists;

    @Autowired
    Rescreening rescreening;

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantSchemaMigrator migrator;

    @Autowired
    List<TenantSeeder> seeders;

    @Autowired
    PlatformTransactionManager transactions;

    private UUID clearedNamesake;

    @BeforeAll
    void aLiveTenant() {
        TestTenants.provision(TENANT, migrator, seeders, transactions);
        CONTROL_PLANE.activate(TENANT.slug().value(), TENANT.brand());
        assertThat(directory.refresh()).isTrue();
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("sanctions-lists");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T asTenant(Supplier<T> work) {
        return TenantContext.callAs(TENANT, work);
    }

    private PlayerView register(String email, String firstName, String lastName, LocalDate born) {
        return asTenant(() -> InMemoryPlayerIdentities.register(players, new PlayerRegistration(email, "Correct-Horse-42",
                firstName, lastName, born, "MT", "EUR")));
    }

    private String status(UUID player) {
        return asTenant(() -> players.byId(player).orElseThrow().status());
    }

    private List<ScreeningCases.ScreeningCase> casesOf(UUID player) {
        return TestTenants.inTransaction(TENANT, transactions, () -> cases.ofPlayer(player));
    }

    @Test
    @Order(1)
    void aSanctionedPersonsRegistrationSucceedsButTheAccountOpensBlockedWithAnOpenCasePerListing() {
        PlayerView registered = register("a.zawahiri@example.com", "Ayman", "al-Zawahiri", LocalDate.of(1951, 6, 19));

        assertThat(registered.status()).as("not refused, which would tip the person off").isEqualTo("blocked");
        List<ScreeningCases.ScreeningCase> opened = casesOf(registered.id());
        assertThat(opened).extracting(c -> c.listSource() + "/" + c.entryRef()).containsExactlyInAnyOrder("ofac/2676", "un/QDi.006");
        assertThat(opened).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("open");
            assertThat(c.trigger()).isEqualTo("registration");
            assertThat(c.dobMatch()).isEqualTo("same_date");
            assertThat(c.score()).isGreaterThanOrEqualTo(new BigDecimal("0.78"));
            assertThat(c.screenedName()).isEqualTo("Ayman al-Zawahiri");
            assertThat(c.screenedBirthDate()).isEqualTo(LocalDate.of(1951, 6, 19));
        });
        assertThat(opened).filteredOn(c -> c.listSource().equals("ofac")).singleElement()
                .satisfies(c -> assertThat(c.listVersion()).isEqualTo("ofac-sdn-2024-05-03.csv"));
        assertThat(identities.enabled("a.zawahiri@example.com")).as("sign-in disabled").contains(false);
        assertThat(TestTenants.inTransaction(TENANT, transactions, () -> cases.list("open", null, 100)))
                .as("in the officers' queue").extracting(ScreeningCases.ScreeningCase::playerId).contains(registered.id());
    }

    @Test
    @Order(2)
    void clearingEveryHitUnblocksTheAccountButClearingOneOfTwoDoesNot() {
        PlayerView namesake = register("aiman.z@example.com", "Aiman", "Al-Zawahri", LocalDate.of(1951, 6, 19));
        clearedNamesake = namesake.id();
        List<ScreeningCases.ScreeningCase> opened = casesOf(namesake.id());
        assertThat(opened).hasSize(2);

        ScreeningDecisions.Decision first = asTenant(() -> decisions.clear(opened.get(0).id(), "officer.one",
                "Passport checked: a different person."));
        assertThat(first).isInstanceOfSatisfying(ScreeningDecisions.Decision.Decided.class,
                decided -> assertThat(decided.accountUnblocked()).isFalse());
        assertThat(status(namesake.id())).as("the other hit still holds it").isEqualTo("blocked");

        ScreeningDecisions.Decision second = asTenant(() -> decisions.clear(opened.get(1).id(), "officer.one",
                "Passport checked: a different person."));
        assertThat(second).isInstanceOfSatisfying(ScreeningDecisions.Decision.Decided.class, decided -> {
            assertThat(decided.accountUnblocked()).isTrue();
            assertThat(decided.decided().status()).isEqualTo("cleared");
            assertThat(decided.decided().decidedBy()).isEqualTo("officer.one");
            assertThat(decided.decided().reason()).isEqualTo("Passport checked: a different person.");
            assertThat(decided.decided().decidedAt()).isNotNull();
        });
        assertThat(status(namesake.id())).isEqualTo("active");
        assertThat(identities.enabled("aiman.z@example.com")).as("may sign in again").contains(true);

        ScreeningDecisions.Decision again = asTenant(() -> decisions.confirm(opened.get(0).id(), "officer.two", "Changed my mind"));
        assertThat(again).as("a decided hit is not decided twice").isInstanceOf(ScreeningDecisions.Decision.AlreadyDecided.class);
        assertThat(asTenant(() -> decisions.clear(UUID.randomUUID(), "officer.one", "no such hit")))
                .isInstanceOf(ScreeningDecisions.Decision.UnknownCase.class);
    }

    @Test
    @Order(3)
    void aConfirmedHitKeepsTheAccountBlockedEvenWhenStaffLiftASuspension() {
        PlayerView listed = register("m.omar@example.com", "Mohamed", "Omar", LocalDate.of(1950, 4, 4));
        assertThat(listed.status()).isEqualTo("blocked");
        for (ScreeningCases.ScreeningCase hit : casesOf(listed.id())) {
            asTenant(() -> decisions.confirm(hit.id(), "officer.two", "Matches OFAC SDGT listing, reported."));
        }

        PlayerView suspended = asTenant(() -> InMemoryPlayerIdentities.suspend(players, listed.id()));
        PlayerView reinstated = asTenant(() -> InMemoryPlayerIdentities.reinstate(players, listed.id()));

        assertThat(casesOf(listed.id())).extracting(ScreeningCases.ScreeningCase::status).containsOnly("confirmed");
        assertThat(suspended.status()).isEqualTo("suspended");
        assertThat(reinstated.status()).as("support cannot reinstate past a confirmed hit").isEqualTo("blocked");
        assertThat(identities.enabled("m.omar@example.com")).contains(false);
    }

    @Test
    @Order(4)
    void anUnlistedPersonRegistersActiveWithNoCase() {
        PlayerView player = register("pat.punter@example.com", "Pat", "Punter", LocalDate.of(1990, 1, 1));

        assertThat(player.status()).isEqualTo("active");
        assertThat(casesOf(player.id())).isEmpty();
        assertThat(identities.enabled("pat.punter@example.com")).contains(true);
    }

    @Test
    @Order(5)
    void aTruncatedOrUnreadableListIsRefusedAndTheCurrentVersionStays() {
        byte[] bundled = bundled("ofac-sdn-2024-05-03.csv");
        String text = new String(bundled, StandardCharsets.UTF_8);
        byte[] cutMidRow = Arrays.copyOf(bundled, bundled.length / 10);
        byte[] firstRows = text.substring(0, text.indexOf("\r\n", text.length() / 10) + 2).getBytes(StandardCharsets.UTF_8);

        assertThat(lists.load(ListSource.OFAC, "ofac-cut.csv", cutMidRow, false))
                .isInstanceOfSatisfying(ScreeningLists.LoadOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("list_unreadable"));
        assertThat(lists.load(ListSource.OFAC, "ofac-first-rows.csv", firstRows, false))
                .isInstanceOfSatisfying(ScreeningLists.LoadOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("list_shrunk"));
        assertThat(lists.load(ListSource.UN, "un.xml", "<html>no list</html>".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOfSatisfying(ScreeningLists.LoadOutcome.Refused.class,
                        refused -> assertThat(refused.code()).isEqualTo("list_unreadable"));
        assertThat(lists.versions()).extracting(ScreeningLists.ListVersion::name)
                .containsExactly("ofac-sdn-2024-05-03.csv", "sample-fictional-peps.csv", "un-consolidated-2018-10-29.xml");
    }

    @Test
    @Order(6)
    void aNewListVersionReScreensExistingPlayersAndBlocksTheOneItNowLists() throws IOException {
        PlayerView player = register("ivo.b@example.com", "Ivo", "Brankovan", LocalDate.of(1980, 2, 2));
        assertThat(player.status()).isEqualTo("active");

        byte[] newer = withRow(bundled("ofac-sdn-2024-05-03.csv"),
                "99999901,\"BRANKOVAN, Ivo Testovic\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 02 Feb 1980.\"");
        ScreeningLists.LoadOutcome outcome = lists.load(ListSource.OFAC, "ofac-sdn-2024-05-10.csv", newer, false);
        assertThat(outcome).isInstanceOf(ScreeningLists.LoadOutcome.Loaded.class);
        ScreeningLists.ListVersion version = ((ScreeningLists.LoadOutcome.Loaded) outcome).version();
        Rescreening.Report report = rescreening.everyActiveTenant(version);

        assertThat(version.individuals()).isEqualTo(6_855);
        assertThat(version.entries()).isEqualTo(14_966);
        assertThat(report.tenants()).isEqualTo(1);
        assertThat(report.playersScreened()).isEqualTo(5);
        assertThat(report.newCases()).as("only the newly listed person; decided and open hits are not raised again").isEqualTo(1);
        assertThat(report.playersBlocked()).isEqualTo(1);
        assertThat(status(player.id())).isEqualTo("blocked");
        assertThat(identities.enabled("ivo.b@example.com")).contains(false);
        assertThat(casesOf(player.id())).singleElement().satisfies(hit -> {
            assertThat(hit.entryRef()).isEqualTo("99999901");
            assertThat(hit.trigger()).isEqualTo("list_reload");
            assertThat(hit.listVersion()).isEqualTo("ofac-sdn-2024-05-10.csv");
            assertThat(hit.matchedName()).isEqualTo("BRANKOVAN, Ivo Testovic");
        });
        assertThat(status(clearedNamesake)).as("a cleared namesake stays cleared").isEqualTo("active");
        try (var kept = Files.list(LIST_DIRECTORY)) {
            assertThat(kept.map(file -> file.getFileName().toString()))
                    .as("kept for the next start").anyMatch(file -> file.startsWith("ofac--") && file.endsWith("--ofac-sdn-2024-05-10.csv"));
        }

        Rescreening.Report again = rescreening.everyActiveTenant(version);
        assertThat(again.playersScreened()).isEqualTo(5);
        assertThat(again.newCases()).isZero();
        assertThat(again.playersBlocked()).isZero();
        assertThat(TestTenants.inTransaction(TENANT, transactions, () -> rescreening.runs(10)))
                .hasSize(2).allSatisfy(run -> {
                    assertThat(run.listVersion()).isEqualTo("ofac-sdn-2024-05-10.csv");
                    assertThat(run.finishedAt()).isNotNull();
                    assertThat(run.playersScreened()).isEqualTo(5);
                });
    }

    private static byte[] bundled(String file) {
        try (InputStream in = SanctionsScreeningIT.class.getClassLoader().getResourceAsStream("sanctions/" + file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The list with one more row, before the DOS end-of-file mark. */
    private static byte[] withRow(byte[] csv, String row) {
        String text = new String(csv, StandardCharsets.UTF_8);
        int end = text.indexOf('\u001a');
        String body = end < 0 ? text : text.substring(0, end);
        return (body + row + "\r\n\u001a").getBytes(StandardCharsets.UTF_8);
    }
}
