package com.sportsbook.runtime.compliance.screening.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The official list formats read as published: every entry counted, names, aliases and dates of birth as stated. */
class SanctionsListParsingTest {

    @Test
    void theUnConsolidatedListHas703IndividualsAnd390Entities() {
        assertThat(BundledLists.UN.count(EntryKind.INDIVIDUAL)).isEqualTo(703);
        assertThat(BundledLists.UN.count(EntryKind.ENTITY)).isEqualTo(390);
        assertThat(BundledLists.UN.entries()).hasSize(1093);
    }

    @Test
    void theOfacSdnListHas14965RowsOfWhich6854AreIndividuals() {
        assertThat(BundledLists.OFAC.entries()).hasSize(14_965);
        assertThat(BundledLists.OFAC.count(EntryKind.INDIVIDUAL)).isEqualTo(6_854);
        assertThat(BundledLists.OFAC.count(EntryKind.VESSEL)).isEqualTo(851);
        assertThat(BundledLists.OFAC.count(EntryKind.AIRCRAFT)).isEqualTo(376);
        assertThat(BundledLists.OFAC.count(EntryKind.ENTITY)).isEqualTo(6_884);
    }

    @Test
    void aUnIndividualCarriesItsNamePartsAliasesWithQualityAndExactDateOfBirth() {
        ListEntry zawahiri = BundledLists.entry(BundledLists.UN, "QDi.006");

        assertThat(zawahiri.primaryName()).isEqualTo("AIMAN MUHAMMED RABI AL-ZAWAHIRI");
        assertThat(zawahiri.names()).extracting(ListEntry.Name::text).contains("Ayman Al-Zawahari", "Al Zawahiri Ayman");
        assertThat(zawahiri.birthDates()).containsExactly(BirthDate.on(LocalDate.of(1951, 6, 19)));
        assertThat(zawahiri.programs()).isEqualTo("Al-Qaida");
        assertThat(BundledLists.UN.entries()).flatExtracting(ListEntry::names).filteredOn(ListEntry.Name::weak)
                .as("aliases the UN rates of low quality").isNotEmpty();
    }

    @Test
    void unDatesOfBirthMayBeAYearOrASpanOfYears() {
        ListEntry qasim = BundledLists.entry(BundledLists.UN, "QDi.282");
        ListEntry jawlani = BundledLists.entry(BundledLists.UN, "QDi.317");

        assertThat(qasim.birthDates()).containsExactly(BirthDate.on(LocalDate.of(1978, 6, 5)));
        assertThat(jawlani.birthDates()).containsExactly(BirthDate.between(1975, 1979));
        assertThat(BundledLists.entry(BundledLists.UN, "QDi.003").birthDates()).containsExactly(BirthDate.inYear(1965));
    }

    @Test
    void anOfacIndividualIsLastCommaFirstWithDatesOfBirthAndAliasesFromTheRemarks() {
        ListEntry binLadin = BundledLists.entry(BundledLists.OFAC, "6365");
        ListEntry abuMarzook = BundledLists.entry(BundledLists.OFAC, "3754");

        assertThat(binLadin.kind()).isEqualTo(EntryKind.INDIVIDUAL);
        assertThat(binLadin.primaryName()).isEqualTo("BIN LADIN, Usama bin Muhammad bin Awad");
        assertThat(binLadin.birthDates()).containsExactly(BirthDate.on(LocalDate.of(1957, 7, 30)), BirthDate.inYear(1958));
        assertThat(binLadin.programs()).isEqualTo("SDGT");
        assertThat(abuMarzook.names()).extracting(ListEntry.Name::text)
                .as("a quote inside an alias belongs to it").containsExactly("ABU MARZOOK, Mousa Mohammed", "ABU-'UMAR");
        assertThat(abuMarzook.names().get(1).weak()).as("OFAC keeps weak aliases in the remarks").isTrue();
    }

    @Test
    void ofacDatesOfBirthMayBeAMonthASpanOrCirca() {
        assertThat(BundledLists.entry(BundledLists.OFAC, "6862").birthDates()).containsExactly(BirthDate.in(YearMonth.of(1938, 9)));
        assertThat(BundledLists.entry(BundledLists.OFAC, "16605").birthDates())
                .containsExactly(new BirthDate(LocalDate.of(1946, 9, 26), LocalDate.of(1946, 12, 7), BirthDate.Precision.YEARS));
        assertThat(BundledLists.entry(BundledLists.OFAC, "7782").birthDates()).containsExactly(BirthDate.between(1950, 1952));
        assertThat(BundledLists.entry(BundledLists.OFAC, "6832").birthDates()).as("no DOB in the remarks").isEmpty();
    }

    @Test
    void emptyFieldsQuotedCommasAndTheDosEndOfFileMarkAreRead() {
        String csv = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                + "2674,\"ABBAS, Abu\",\"individual\",\"SDGT\",\"Director, \"\"PLF\"\"\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 10 Dec 1948; a.k.a. 'ABU, Abbas'.\"\r\n"
                + "\u001a";

        SanctionsList list = OfacSdnCsv.parse(new StringReader(csv));

        assertThat(list.entries()).hasSize(2);
        assertThat(list.entries().getFirst().kind()).isEqualTo(EntryKind.ENTITY);
        assertThat(list.entries().getFirst().programs()).isEqualTo("CUBA");
        ListEntry abbas = list.entries().get(1);
        assertThat(abbas.names()).extracting(ListEntry.Name::text).containsExactly("ABBAS, Abu", "ABU, Abbas");
        assertThat(abbas.birthDates()).containsExactly(BirthDate.on(LocalDate.of(1948, 12, 10)));
    }

    @Test
    void aFileInAnotherFormatIsRefusedNotReadAsAnEmptyList() {
        assertThatThrownBy(() -> OfacSdnCsv.parse(new StringReader("just,some,text\n")))
                .isInstanceOf(UnreadableListException.class).hasMessageContaining("12");
        assertThatThrownBy(() -> OfacSdnCsv.parse(new StringReader("")))
                .isInstanceOf(UnreadableListException.class);
        assertThatThrownBy(() -> UnConsolidatedXml.parse(new ByteArrayInputStream("<html><body/></html>".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableListException.class);
        assertThatThrownBy(() -> UnConsolidatedXml.parse(new ByteArrayInputStream("not xml at all".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableListException.class);
    }

    @Test
    void anXmlListWithAnExternalEntityIsRefused() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE CONSOLIDATED_LIST [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&secret;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
                """;

        assertThatThrownBy(() -> UnConsolidatedXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableListException.class);
    }
}
