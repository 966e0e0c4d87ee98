package com.sportsbook.runtime.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CanonicalJsonTest {

    @Test
    void keysAreSortedAtEveryLevelAndThereIsNoWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2L);
        inner.put("a", List.of(3, "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("B", true);
        outer.put("a", null);

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"B\":true,\"a\":null,\"z\":{\"a\":[3,\"x\"],\"b\":2}}");
    }

    @Test
    void theSameValuesInAnotherInsertionOrderGiveTheSameText() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("price", new BigDecimal("2.10"));
        one.put("bet", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("bet", UUID.fromString("00000000-0000-0000-0000-000000000001"));
        other.put("price", new BigDecimal("2.10"));

        assertThat(CanonicalJson.write(one)).isEqualTo(CanonicalJson.write(other))
                .isEqualTo("{\"bet\":\"00000000-0000-0000-0000-000000000001\",\"price\":\"2.10\"}");
    }

    @Test
    void decimalsKeepTheirScaleAsStringsAndTimesHaveSixFractionDigitsInUtc() {
        assertThat(CanonicalJson.write(List.of(new BigDecimal("2.10"), new BigDecimal("1E+3"))))
                .isEqualTo("[\"2.10\",\"1000\"]");
        assertThat(CanonicalJson.write(Instant.parse("2025-03-01T15:04:05Z"))).isEqualTo("\"2025-03-01T15:04:05.000000Z\"");
        assertThat(CanonicalJson.time(Instant.parse("2025-03-01T15:04:05.123456789Z"))).isEqualTo("2025-03-01T15:04:05.123456Z");
    }

    @Test
    void stringsEscapeOnlyQuotesBackslashesAndControlCharacters() {
        assertThat(CanonicalJson.write("a\"b\\c\n\u0001é€😀")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é€😀\"");
    }

    @Test
    void floatingPointNumbersAreRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("odds", 2.1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysSortByUtf16CodeUnitsAsRfc8785Says() {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("\u20ac", 1);
        keys.put("\r", 2);
        keys.put("\ud83d\ude00", 3);
        keys.put("1", 4);
        keys.put("\u0080", 5);
        keys.put("\u00f6", 6);

        assertThat(CanonicalJson.write(keys)).isEqualTo("{\"\\r\":2,\"1\":4,\"\u0080\":5,\"\u00f6\":6,\"\u20ac\":1,\"\ud83d\ude00\":3}");
    }

    @Test
    void everyControlCharacterWithoutAShortFormIsEscapedAsSixCharacters() {
        assertThat(CanonicalJson.write("\u0000\u001f\u000b")).isEqualTo("\"\\u0000\\u001f\\u000b\"");
    }

    @Test
    void objectKeysThatAreNotStringsAreRefused() {
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put("a", 1);
        keys.put(2, "b");

        assertThatThrownBy(() -> CanonicalJson.write(keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property(tries = 500)
    void anyStringReadsBackAsItselfAndCarriesNoRawControlCharacter(@ForAll String text) {
        String written = CanonicalJson.write(text);

        assertThat(JSON.readValue(written, String.class)).isEqualTo(text);
        assertThat(written.chars()).noneMatch(c -> c < 0x20);
    }

    @Property(tries = 200)
    void keysOfAnyTextComeOutInUtf16OrderAndReadBackWithTheirValues(@ForAll Map<String, Integer> values) {
        String written = CanonicalJson.write(values);

        @SuppressWarnings("unchecked")
        Map<String, Object> read = JSON.readValue(written, LinkedHashMap.class);
        assertThat(read.keySet()).containsExactlyElementsOf(new java.util.TreeMap<>(values).keySet());
        values.forEach((key, value) -> assertThat(((Number) read.get(key)).intValue()).isEqualTo(value));
    }
}
