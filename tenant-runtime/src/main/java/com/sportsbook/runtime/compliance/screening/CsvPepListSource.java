package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.PepCsv;
import com.sportsbook.runtime.compliance.screening.core.SanctionsList;
import com.sportsbook.runtime.compliance.screening.core.UnreadableListException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The PEP list as a file in the platform's CSV format ({@link PepCsv}), at {@code runtime.compliance.screening.pep-list}:
 * a path, or {@code classpath:} and a resource (the fictional sample {@code classpath:pep/sample-fictional-peps.csv}
 * is the embedded mode's default). An operator exports its provider's list to this format, replaces the file and
 * reloads it ({@code POST /internal/v1/screening/lists/pep} without a body), or sends the file as the body.
 */
final class CsvPepListSource implements PepListSource {

    static final String CLASSPATH = "classpath:";
    static final String SAMPLE = CLASSPATH + "pep/sample-fictional-peps.csv";

    private final String location;

    CsvPepListSource(String location) {
        this.location = location == null ? "" : location.strip();
    }

    String location() {
        return location;
    }

    @Override
    public Optional<Publication> fetch() {
        if (location.isEmpty()) {
            return Optional.empty();
        }
        if (location.startsWith(CLASSPATH)) {
            String resource = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
            try (InputStream in = CsvPepListSource.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UnreadableListException("the PEP list " + location + " is not on the class path");
                }
                return Optional.of(new Publication(versionName(resource), in.readAllBytes()));
            } catch (IOException e) {
                throw new UnreadableListException("the PEP list " + location + " could not be read", e);
            }
        }
        Path file = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            return Optional.of(new Publication(versionName(file.getFileName().toString()), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UnreadableListException("the PEP list " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public SanctionsList parse(byte[] content) {
        return PepCsv.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
    }

    /** The file's name as a version name: what the load endpoint accepts as one. */
    static String versionName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[._-]+", "");
        name = name.isEmpty() ? "pep-list" : name;
        return name.length() > 120 ? name.substring(0, 120) : name;
    }
}
