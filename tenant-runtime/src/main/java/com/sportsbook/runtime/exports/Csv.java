package com.sportsbook.runtime.exports;

import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CSV as the platform's exports write it (RFC 4180): a header line, then one line per row, every line ended by CRLF;
 * a field is quoted only when it holds a comma, a double quote, CR or LF, and quotes inside are doubled; null is the
 * empty field. A report without rows is the single line {@link #NO_ACTIVITY}, with no header.
 */
public final class Csv {

    /** What a report with no rows says, in every format. */
    public static final String NO_ACTIVITY = "No activity";

    public static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** The whole document: the header and the rows, or {@link #NO_ACTIVITY} alone when there are none. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        if (rows.isEmpty()) {
            return NO_ACTIVITY + CRLF;
        }
        StringBuilder csv = new StringBuilder();
        line(csv, header);
        for (List<?> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " fields under a header of " + header.size());
            }
            line(csv, row);
        }
        return csv.toString();
    }

    /** One field as written: as is, or quoted with its quotes doubled when it must be. */
    public static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** The document as a download: {@code text/csv} in UTF-8, as an attachment named {@code fileName}. */
    public static ResponseEntity<String> attachment(String fileName, String body) {
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(body);
    }

    private static void line(StringBuilder csv, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append(CRLF);
    }
}
