package com.sportsbook.runtime.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

class CsvTest {

    @Test
    void aHeaderThenOneCrlfEndedLinePerRow() {
        String csv = Csv.write(List.of("bet_id", "stake"), List.of(List.of("b1", 500L), List.of("b2", 700L)));

        assertThat(csv).isEqualTo("bet_id,stake\r\nb1,500\r\nb2,700\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubledAndNullIsEmpty() {
        String csv = Csv.write(List.of("a", "b", "c", "d", "e"),
                List.of(Arrays.asList("late, by a minute", "said \"void it\"", "two\nlines", null, "plain")));

        assertThat(csv).isEqualTo("a,b,c,d,e\r\n\"late, by a minute\",\"said \"\"void it\"\"\",\"two\nlines\",,plain\r\n");
    }

    @Test
    void aReportWithoutRowsIsTheSingleLineNoActivityWithoutAHeader() {
        assertThat(Csv.write(List.of("bet_id", "stake"), List.of())).isEqualTo("No activity\r\n");
    }

    @Test
    void aRowOfTheWrongWidthIsABug() {
        assertThatThrownBy(() -> Csv.write(List.of("a", "b"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDownloadIsUtf8CsvAsANamedAttachment() {
        ResponseEntity<String> download = Csv.attachment("wagers-GB-2026-11-01-2026-11-30.csv", "No activity\r\n");

        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"wagers-GB-2026-11-01-2026-11-30.csv\"");
    }
}
