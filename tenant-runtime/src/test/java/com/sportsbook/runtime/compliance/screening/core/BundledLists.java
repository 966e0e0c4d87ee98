package com.sportsbook.runtime.compliance.screening.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The lists bundled with the runtime, parsed once per test JVM. */
final class BundledLists {

    static final SanctionsList UN = read("un-consolidated-2018-10-29.xml", ListSource.UN);
    static final SanctionsList OFAC = read("ofac-sdn-2024-05-03.csv", ListSource.OFAC);
    static final ScreeningIndex INDEX = ScreeningIndex.build(List.of(UN, OFAC), new MatchPolicy(0.78));

    private BundledLists() {
    }

    static InputStream open(String file) {
        InputStream in = BundledLists.class.getClassLoader().getResourceAsStream("sanctions/" + file);
        if (in == null) {
            throw new IllegalStateException("no bundled list " + file);
        }
        return in;
    }

    private static SanctionsList read(String file, ListSource source) {
        try (InputStream in = open(file)) {
            return source == ListSource.UN ? UnConsolidatedXml.parse(in)
                    : OfacSdnCsv.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ListEntry entry(SanctionsList list, String ref) {
        return list.entries().stream().filter(entry -> entry.ref().equals(ref)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + ref + " on the " + list.source() + " list"));
    }
}
