package com.sportsbook.runtime.compliance.screening.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Screening against the real bundled lists (UN 2018-10-29 and OFAC SDN 2024-05-03): listed individuals are found
 * written differently (transliterated, reordered, without middle names, with or without diacritics), a conflicting
 * date of birth clears a namesake, and common names of people who are not listed are not flagged.
 */
class ScreeningMatcherTest {

    private static final ScreeningIndex LISTS = BundledLists.INDEX;

    private static List<String> hits(String name, LocalDate born) {
        return LISTS.screen(name, born).stream().map(hit -> hit.entry().source() + "/" + hit.entry().ref()).toList();
    }

    private static Hit compared(String name, LocalDate born, String sourceAndRef) {
        return LISTS.compare(name, born).stream()
                .filter(hit -> (hit.entry().source() + "/" + hit.entry().ref()).equals(sourceAndRef)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " was not compared with " + sourceAndRef));
    }

    /**
     * The recall MatchPolicy documents: every listed individual screened under its own primary name with a date of
     * birth it states, as written, reversed, and reduced to its given name and last word.
     */
    @Test
    void everyListedIndividualIsFoundUnderItsOwnNameReorderedOrWithoutMiddleNames() {
        int screened = 0;
        int asWritten = 0;
        int reversed = 0;
        int twoWordsScreened = 0;
        int twoWords = 0;
        for (SanctionsList list : List.of(BundledLists.UN, BundledLists.OFAC)) {
            for (ListEntry entry : list.individuals()) {
                List<String> words = NameTokens.of(entry.primaryName());
                if (words.size() - (words.getFirst().equals(NameTokens.ABD) ? 1 : 0) < 2) {
                    continue;
                }
                LocalDate born = entry.birthDates().isEmpty() ? LocalDate.of(1970, 6, 15) : middleOf(entry.birthDates().getFirst());
                screened++;
                asWritten += found(entry, entry.primaryName(), born);
                reversed += found(entry, String.join(" ", words.reversed()), born);
                int given = words.getFirst().equals(NameTokens.ABD) ? 2 : 1;
                if (words.size() > given + 1) {
                    twoWordsScreened++;
                    twoWords += found(entry, String.join("", words.subList(0, given)) + " " + words.getLast(), born);
                }
            }
        }

        assertThat(screened).isGreaterThan(7_400);
        assertThat((double) asWritten / screened).isGreaterThanOrEqualTo(0.998);
        assertThat((double) reversed / screened).isGreaterThanOrEqualTo(0.998);
        assertThat((double) twoWords / twoWordsScreened).as("without middle names").isGreaterThanOrEqualTo(0.99);
    }

    private static int found(ListEntry entry, String name, LocalDate born) {
        return LISTS.screen(name, born).stream().anyMatch(hit -> hit.entry() == entry) ? 1 : 0;
    }

    private static LocalDate middleOf(BirthDate date) {
        return date.earliest().plusDays(ChronoUnit.DAYS.between(date.earliest(), date.latest()) / 2);
    }

    @Test
    void aListedNameWrittenInAnotherTransliterationIsFound() {
        assertThat(hits("Osama Bin Laden", LocalDate.of(1957, 7, 30))).as("BIN LADIN, Usama").contains("OFAC/6365");
        assertThat(hits("Mohamed Omar", LocalDate.of(1950, 4, 4))).as("OMAR, Mohammed").contains("OFAC/6635");
        assertThat(hits("Muhammad Kassem", LocalDate.of(1976, 3, 1))).as("QASIM, Mohammed").contains("OFAC/15581");
        assertThat(hits("Aiman Al-Zawahri", LocalDate.of(1951, 6, 19))).contains("UN/QDi.006", "OFAC/2676");
        assertThat(hits("Ayman Alzawahiri", LocalDate.of(1951, 6, 19))).as("the article fused to the name")
                .contains("UN/QDi.006", "OFAC/2676");
    }

    @Test
    void wordOrderCaseAndPunctuationDoNotMatter() {
        LocalDate born = LocalDate.of(1951, 6, 19);
        for (String written : List.of("Ayman al-Zawahiri", "AL ZAWAHIRI, Ayman", "zawahiri ayman", "Dr. Ayman AL-ZAWAHIRI")) {
            assertThat(hits(written, born)).as(written).contains("OFAC/2676", "UN/QDi.006");
        }
    }

    @Test
    void aMissingMiddleNameStillMatches() {
        assertThat(hits("Talal Naji", LocalDate.of(1930, 5, 1))).as("NAJI, Talal Muhammad Rashid").contains("OFAC/2685");
        assertThat(hits("Usama Bin Laden", LocalDate.of(1957, 7, 30))).as("BIN LADIN, Usama bin Muhammad bin Awad")
                .contains("OFAC/6365");
        assertThat(hits("Gedeon Mutanga", LocalDate.of(1974, 3, 3)))
                .as("GÉDÉON KYUNGU MUTANGA WA BAFUNKWA KANONGA").contains("UN/CDi.035");
    }

    @Test
    void diacriticsOnEitherSideDoNotMatter() {
        assertThat(hits("Gedeon Kyungu Mutanga", LocalDate.of(1974, 3, 3))).as("listed as GÉDÉON").contains("UN/CDi.035");
        assertThat(hits("Áyman al-Zawáhiri", LocalDate.of(1951, 6, 19))).as("listed without accents")
                .contains("OFAC/2676");
    }

    @Test
    void aConflictingDateOfBirthIsNoHitHoweverWellTheNameMatches() {
        Hit namesake = compared("Ayman al-Zawahiri", LocalDate.of(1960, 1, 1), "OFAC/2676");

        assertThat(namesake.nameScore()).isEqualTo(1.0);
        assertThat(namesake.dob()).isEqualTo(DobMatch.CONFLICT);
        assertThat(namesake.isHit()).isFalse();
        assertThat(hits("Ayman al-Zawahiri", LocalDate.of(1960, 1, 1))).isEmpty();
    }

    @Test
    void theSameDateScoresHigherThanTheSameYearAndTheSameYearHigherThanNoDate() {
        Hit sameDate = compared("Usama bin Laden", LocalDate.of(1957, 7, 30), "OFAC/6365");
        Hit sameYear = compared("Usama bin Laden", LocalDate.of(1958, 3, 3), "OFAC/6365");
        Hit noDate = compared("Usama bin Laden", null, "OFAC/6365");

        assertThat(sameDate.dob()).isEqualTo(DobMatch.SAME_DATE);
        assertThat(sameYear.dob()).as("the alternative DOB 1958").isEqualTo(DobMatch.SAME_YEAR);
        assertThat(noDate.dob()).isEqualTo(DobMatch.UNKNOWN);
        assertThat(sameDate.score()).isGreaterThan(sameYear.score());
        assertThat(sameYear.score()).isGreaterThan(noDate.score());
        assertThat(sameDate.nameScore()).isEqualTo(sameYear.nameScore()).isEqualTo(noDate.nameScore());
    }

    @Test
    void aListedPersonWithoutADateOfBirthIsAPossibleHitOnTheNameAlone() {
        Hit hit = compared("Hernando Echeverry Herrera", LocalDate.of(1970, 1, 1), "OFAC/6832");

        assertThat(hit.dob()).isEqualTo(DobMatch.UNKNOWN);
        assertThat(hit.isHit()).isTrue();
        assertThat(hits("Hernando Herrera Lopez", LocalDate.of(1970, 1, 1)))
                .as("with no date to confirm it, a partial name is not enough").doesNotContain("OFAC/6832");
    }

    @Test
    void oneSharedWordIsNeverAHit() {
        assertThat(hits("Ayman Smith", LocalDate.of(1951, 6, 19))).isEmpty();
        assertThat(hits("Peter Zawahiri", LocalDate.of(1951, 6, 19))).isEmpty();
    }

    @Test
    void entitiesVesselsAndAircraftAreNotScreenedAgainstPersons() {
        assertThat(hits("Banco Nacional", LocalDate.of(1970, 1, 1))).isEmpty();
        assertThat(LISTS.entryCount()).isEqualTo(703 + 6_854);
    }

    @Test
    void commonNamesOfPeopleWhoAreNotListedAreNotFlagged() {
        String[] first = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
                "Elizabeth", "Maria", "Jose", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Sofia", "Wei", "Li", "Hiroshi",
                "Yuki", "Min-jun", "Olga", "Ivan", "Anna", "Pierre", "Marie", "Hans", "Giulia"};
        String[] last = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
                "Anderson", "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez",
                "Wang", "Zhang", "Chen", "Sato", "Suzuki", "Kim", "Park", "Ivanova", "Petrov", "Muller", "Schmidt",
                "Dubois", "Rossi", "Nowak"};
        Random dates = new Random(20240503);
        List<String> flagged = new ArrayList<>();
        for (String given : first) {
            for (String family : last) {
                LocalDate born = LocalDate.of(1950 + dates.nextInt(55), 1 + dates.nextInt(12), 1 + dates.nextInt(28));
                List<String> found = hits(given + " " + family, born);
                if (!found.isEmpty()) {
                    flagged.add(given + " " + family + " " + born + " -> " + found);
                }
            }
        }

        assertThat(flagged).as("960 common names, each with a date of birth").isEmpty();
    }

    @Test
    void commonArabicAndSouthAsianNamesAreNotFlaggedWithoutAListedNamesakesBirthYear() {
        LocalDate born = LocalDate.of(2001, 1, 1);
        for (String name : List.of("Mohammed Khan", "Ahmed Rahman", "Ali Ahmed", "Omar Hussain", "Fatima Ahmed",
                "Mohammed Ali", "Hassan Ahmed", "Aisha Rahman", "Abdul Rahman", "Mohammad Hussain", "Yusuf Ibrahim")) {
            assertThat(hits(name, born)).as(name).isEmpty();
        }
    }

    @Test
    void aCommonNameIsAPossibleHitWhenANamesakeOnTheListWasBornThatYear() {
        assertThat(hits("Ali Ahmed", LocalDate.of(1965, 5, 20))).as("ALI, Ahmed Mohammed Hamed, born 1965")
                .contains("OFAC/6916");
        assertThat(hits("Ali Ahmed", LocalDate.of(1993, 5, 20))).isEmpty();
    }
}
