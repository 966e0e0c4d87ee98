package com.sportsbook.runtime.compliance.screening.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The PEP list format ({@link PepCsv}) and PEPs screened with the sanctions matcher, in one index with the bundled
 * UN and OFAC lists as the runtime builds it: the sample's fictional people are found as players write their names
 * (reordered, without diacritics, without a middle name, as an alias, in another transliteration), a conflicting date
 * of birth clears a namesake, and common names are not flagged.
 */
class PepListTest {

    private static final SanctionsList SAMPLE = sample();
    private static final ScreeningIndex LISTS = ScreeningIndex.build(List.of(BundledLists.UN, BundledLists.OFAC, SAMPLE),
            new MatchPolicy(0.78));

    private static SanctionsList sample() {
        try (InputStream in = PepListTest.class.getClassLoader().getResourceAsStream("pep/sample-fictional-peps.csv")) {
            return PepCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> peps(String name, LocalDate born) {
        return LISTS.screen(name, born).stream().filter(hit -> hit.entry().source() == ListSource.PEP)
                .map(hit -> hit.entry().ref()).toList();
    }

    private static SanctionsList parse(String csv) {
        return PepCsv.parse(new StringReader(csv));
    }

    @Test
    void theSampleListsItsFictionalPeopleWithNamesAliasesDatesAndOffice() {
        assertThat(SAMPLE.source()).isEqualTo(ListSource.PEP);
        assertThat(SAMPLE.entries()).hasSize(12).allSatisfy(entry -> {
            assertThat(entry.kind()).isEqualTo(EntryKind.INDIVIDUAL);
            assertThat(entry.ref()).startsWith("FICT-PEP-");
        });
        ListEntry chiefJustice = BundledLists.entry(SAMPLE, "FICT-PEP-0003");
        assertThat(chiefJustice.names()).extracting(ListEntry.Name::text)
                .containsExactly("Kazimir Ostrovel Dranjakovic", "Kazimierz Dranjakowicz", "Kasimir Dranjakovich");
        assertThat(chiefJustice.birthDates()).containsExactly(BirthDate.on(LocalDate.of(1966, 2, 28)));
        assertThat(chiefJustice.programs())
                .isEqualTo("PEP: Chief Justice of the Supreme Court of Ruritania (XR), since 2011-03, in office");
        assertThat(BundledLists.entry(SAMPLE, "FICT-PEP-0001").programs()).endsWith("since 2014-01-15, until 2019-12-31");
        assertThat(BundledLists.entry(SAMPLE, "FICT-PEP-0006").birthDates()).containsExactly(BirthDate.between(1955, 1957));
        assertThat(BundledLists.entry(SAMPLE, "FICT-PEP-0007").primaryName()).as("quoted, with its comma")
                .isEqualTo("QUILLONDRA, Marisol Esperanza");
        assertThat(BundledLists.entry(SAMPLE, "FICT-PEP-0008").birthDates()).isEmpty();
    }

    @Test
    void aPepIsFoundReorderedWithoutAMiddleNameOrDiacriticsUnderAnAliasOrAnotherTransliteration() {
        LocalDate minister = LocalDate.of(1961, 4, 12);
        assertThat(peps("Ottokar Wenzel Brannigastor", minister)).containsExactly("FICT-PEP-0001");
        assertThat(peps("Ottokar Brannigastor", minister)).as("no middle name").containsExactly("FICT-PEP-0001");
        assertThat(peps("BRANNIGASTOR, Ottokar", minister)).as("reordered").containsExactly("FICT-PEP-0001");
        assertThat(peps("Otto Brannigastor", minister)).as("the alias").containsExactly("FICT-PEP-0001");

        LocalDate governor = LocalDate.of(1972, 9, 3);
        assertThat(peps("Elodie Vauqueline-Strass", governor)).as("without accents or a middle name")
                .containsExactly("FICT-PEP-0002");
        assertThat(peps("Vauqueline Strass Élodie Marguerite", governor)).containsExactly("FICT-PEP-0002");

        assertThat(peps("Sukru Tandogaroglu", LocalDate.of(1958, 3, 3))).as("Şükrü Tandoğaroğlu, born 1958")
                .containsExactly("FICT-PEP-0004");
        assertThat(peps("Zdenka Vrbovcova Treskalova", LocalDate.of(1976, 12, 1))).containsExactly("FICT-PEP-0010");

        LocalDate judge = LocalDate.of(1966, 2, 28);
        assertThat(peps("Kazimierz Dranjakowicz", judge)).as("the Polish spelling listed").containsExactly("FICT-PEP-0003");
        assertThat(peps("Casimir Dranjakovic", judge)).as("an unlisted spelling").containsExactly("FICT-PEP-0003");
        assertThat(peps("Kasimir Drańjaković", judge)).containsExactly("FICT-PEP-0003");

        assertThat(peps("Marisol Quillondra", LocalDate.of(1980, 11, 15))).containsExactly("FICT-PEP-0007");
        assertThat(peps("Tiberio Fenwickstone", LocalDate.of(1956, 5, 5))).as("born 1955 to 1957")
                .containsExactly("FICT-PEP-0006");
    }

    @Test
    void aRelativeIsListedInHerOwnRightAndNotConfusedWithTheMinister() {
        assertThat(peps("Anneliese Brannigastor", LocalDate.of(1964, 7, 7))).containsExactly("FICT-PEP-0005");
        assertThat(peps("Ottokar Brannigastor", LocalDate.of(1964, 7, 7))).as("the minister's name, his wife's birthday")
                .isEmpty();
    }

    @Test
    void aConflictingDateOfBirthClearsANamesakeAndNoDateLeavesTheFullNameToDecide() {
        assertThat(peps("Ottokar Brannigastor", LocalDate.of(1990, 1, 1))).isEmpty();
        assertThat(peps("Rupert Valdemarsson", LocalDate.of(1984, 10, 30))).isEmpty();
        assertThat(peps("Bartholomew Xanthorpe Velloquist", LocalDate.of(1960, 1, 1))).as("listed without a date")
                .containsExactly("FICT-PEP-0008");
    }

    @Test
    void commonNamesAreNotFlaggedNorAPepsCommonFirstNameAlone() {
        String[] first = {"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David",
                "Elizabeth", "Maria", "Jose", "Juan", "Carmen", "Luis", "Ana", "Carlos", "Sofia", "Wei", "Li", "Hiroshi",
                "Yuki", "Olga", "Ivan", "Anna", "Anneliese", "Pierre", "Marie", "Hans", "Giulia", "Otto", "Rupert"};
        String[] last = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
                "Anderson", "Garcia", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Perez", "Sanchez",
                "Wang", "Zhang", "Chen", "Sato", "Suzuki", "Kim", "Park", "Ivanova", "Petrov", "Muller", "Schmidt",
                "Dubois", "Rossi", "Nowak", "Strauss", "Adeyemi"};
        Random dates = new Random(20261130);
        List<String> flagged = new ArrayList<>();
        for (String given : first) {
            for (String family : last) {
                LocalDate born = LocalDate.of(1950 + dates.nextInt(55), 1 + dates.nextInt(12), 1 + dates.nextInt(28));
                List<String> found = peps(given + " " + family, born);
                if (!found.isEmpty()) {
                    flagged.add(given + " " + family + " " + born + " -> " + found);
                }
            }
        }
        assertThat(flagged).as("1,088 common names, each with a date of birth").isEmpty();
        assertThat(peps("Maria Garcia", LocalDate.of(1983, 8, 21))).as("Maria Kestrelholm-Adeyoru's first name and birthday")
                .isEmpty();
    }

    @Test
    void aPepListCountsItsIndividualsSoThePlatformCanRefuseATruncatedOne() {
        SanctionsList list = parse("""
                id;name;aliases;dateOfBirth;country;position;since;until
                P1;Ada Quill;;1970;XF;Minister;;
                P2;Bo Quill;;;;Senator;2001;2003
                """);
        assertThat(list.individuals()).hasSize(2);
    }

    @Test
    void aFileThatIsNotAPepListIsRefusedWithWhereItWentWrong() {
        String header = "id;name;aliases;dateOfBirth;country;position;since;until\n";
        assertThatThrownBy(() -> parse("uid,name\n1,Ada Quill\n")).isInstanceOf(UnreadableListException.class)
                .hasMessageContaining("header");
        assertThatThrownBy(() -> parse(header + "P1;Ada Quill;;1970;XF;Minister\n")).hasMessageContaining("record 1 has 6 fields");
        assertThatThrownBy(() -> parse(header + "P1;Ada Quill;;12/03/1970;XF;Minister;;\n")).hasMessageContaining("record 1")
                .hasMessageContaining("12/03/1970");
        assertThatThrownBy(() -> parse(header + "P1;Ada Quill;;;Freedonia;Minister;;\n")).hasMessageContaining("country");
        assertThatThrownBy(() -> parse(header + "P1;Ada Quill;;;;;;\n")).hasMessageContaining("position");
        assertThatThrownBy(() -> parse(header + "P1;Ada Quill;;;;Minister;;\nP1;Bo Quill;;;;Senator;;\n"))
                .hasMessageContaining("record 2 repeats the id P1");
        assertThatThrownBy(() -> parse(header + "P1;\"Ada Quill;;;;Minister;;\n")).hasMessageContaining("never closed");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("no header");
    }

    @Test
    void commentsBlankLinesCrlfAndAByteOrderMarkAreRead() {
        SanctionsList list = parse("\uFEFF# a comment; with a semicolon\r\n\r\nid;name;aliases;dateOfBirth;country;position;since;until\r\n"
                + "P1;\"Quill, \"\"Ada\"\"\";Ada Q.;1970-02|1971;xf;\"Minister; of Everything\";2001;\r\n");
        ListEntry entry = list.entries().getFirst();
        assertThat(entry.names()).extracting(ListEntry.Name::text).containsExactly("Quill, \"Ada\"", "Ada Q.");
        assertThat(entry.birthDates()).containsExactly(BirthDate.in(java.time.YearMonth.of(1970, 2)), BirthDate.inYear(1971));
        assertThat(entry.programs()).isEqualTo("PEP: Minister; of Everything (XF), since 2001, in office");
    }
}
