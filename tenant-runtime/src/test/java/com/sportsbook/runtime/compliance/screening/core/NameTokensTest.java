package com.sportsbook.runtime.compliance.screening.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How names are written down for comparison, and how transliteration variants are folded together. */
class NameTokensTest {

    @Test
    void honorificsParticlesPunctuationAndCaseAreDropped() {
        assertThat(NameTokens.of("AL ZAWAHIRI, Dr. Ayman")).containsExactly("zawahiri", "ayman");
        assertThat(NameTokens.of("BIN LADIN, Usama bin Muhammad bin Awad")).containsExactly("ladin", "usama", "muhammad", "awad");
        assertThat(NameTokens.of("KHALAF M. M. AL-DULAYMI")).as("initials").containsExactly("khalaf", "dulaymi");
    }

    @Test
    void diacriticsAndLettersWithoutADecompositionBecomePlainLatin() {
        assertThat(NameTokens.of("GÉDÉON NGAÏKOSSET")).containsExactly("gedeon", "ngaikosset");
        assertThat(NameTokens.of("Jürgen Strauß Ørsted Łukasz")).containsExactly("jurgen", "strauss", "orsted", "lukasz");
        assertThat(NameTokens.of("ISLAMIC GAMA'AT")).containsExactly("islamic", "gamaat");
        assertThat(NameTokens.of("مثنى حارث الضاري")).as("other scripts are not compared").isEmpty();
    }

    @Test
    void theServantOfPrefixIsWrittenOneWay() {
        assertThat(NameTokens.of("Abdulrahman")).containsExactly("abd", "rahman");
        assertThat(NameTokens.of("Abdel Rahman")).containsExactly("abd", "rahman");
        assertThat(NameTokens.of("Abd al-Rahman")).containsExactly("abd", "rahman");
        assertThat(NameTokens.of("Abdallah")).containsExactly("abdullah");
    }

    @Test
    void transliterationVariantsShareAKey() {
        assertThat(NameTokens.key("mohammed")).isEqualTo(NameTokens.key("muhammad")).isEqualTo(NameTokens.key("mohamed"))
                .isEqualTo(NameTokens.key("mohammad"));
        assertThat(NameTokens.key("usama")).isEqualTo(NameTokens.key("osama"));
        assertThat(NameTokens.key("yusuf")).isEqualTo(NameTokens.key("youssef"));
        assertThat(NameTokens.key("hussein")).isEqualTo(NameTokens.key("husayn"));
        assertThat(NameTokens.key("qasim")).isEqualTo(NameTokens.key("kassem"));
        assertThat(NameTokens.key("smith")).isNotEqualTo(NameTokens.key("schmidt"));
    }

    @Test
    void similarWordsMatchAndDifferentOnesDoNot() {
        assertThat(NameSimilarity.words("zawahiri", "svhr", "zawahari", "svhr")).isGreaterThan(0.9);
        assertThat(NameSimilarity.words("qasim", NameTokens.key("qasim"), "kassem", NameTokens.key("kassem")))
                .as("different letters, same sound").isGreaterThanOrEqualTo(NameSimilarity.SAME_KEY);
        assertThat(NameSimilarity.words("garcia", NameTokens.key("garcia"), "garza", NameTokens.key("garza"))).isZero();
        assertThat(NameSimilarity.words("ali", NameTokens.key("ali"), "eli", NameTokens.key("eli"))).isZero();
    }

    @Test
    void aDateWithDayAndMonthSwappedIsTheSameYearNotAConflict() {
        BirthDate listed = BirthDate.on(LocalDate.of(1967, 12, 7));

        assertThat(listed.compare(LocalDate.of(1967, 12, 7))).isEqualTo(DobMatch.SAME_DATE);
        assertThat(listed.compare(LocalDate.of(1967, 7, 12))).isEqualTo(DobMatch.SAME_YEAR);
        assertThat(listed.compare(LocalDate.of(1967, 7, 13))).isEqualTo(DobMatch.CONFLICT);
        assertThat(BirthDate.about(1951).compare(LocalDate.of(1952, 6, 1))).isEqualTo(DobMatch.SAME_YEAR);
        assertThat(BirthDate.inYear(1951).compare(LocalDate.of(1952, 6, 1))).isEqualTo(DobMatch.CONFLICT);
    }
}
