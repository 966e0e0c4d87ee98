package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.ListSource;
import com.sportsbook.runtime.compliance.screening.core.MatchPolicy;
import com.sportsbook.runtime.compliance.screening.core.OfacSdnCsv;
import com.sportsbook.runtime.compliance.screening.core.PepCsv;
import com.sportsbook.runtime.compliance.screening.core.SanctionsList;
import com.sportsbook.runtime.compliance.screening.core.ScreeningIndex;
import com.sportsbook.runtime.compliance.screening.core.UnConsolidatedXml;
import com.sportsbook.runtime.compliance.screening.core.UnreadableListException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's lists, one current version per source (UN, OFAC, PEP), and the index built over all of them.
 * Platform-wide, in memory: every tenant screens against the same lists. At start the newest version kept in the
 * list directory is loaded for each source, else the version bundled with the runtime ({@code sanctions/} on the
 * classpath) for the sanctions lists and what the {@link PepListSource} offers for the PEP list (none when it offers
 * nothing); this happens in the background, and a screening that arrives before it is done waits for it. One index
 * over every list means one matcher: a PEP is found exactly as a sanctioned person is.
 *
 * <p>Loading a newer file replaces its source's version and builds a new index; screenings in flight finish on the
 * previous one. A file that does not parse, or that lists less than half the individuals of the current version
 * (a truncated download looks like that), is refused unless forced.
 */
class ScreeningLists {

    private static final Logger log = LoggerFactory.getLogger(ScreeningLists.class);

    static final Map<ListSource, String> BUNDLED = Map.of(
            ListSource.UN, "un-consolidated-2018-10-29.xml",
            ListSource.OFAC, "ofac-sdn-2024-05-03.csv");

    /**
     * One loaded version of a list.
     *
     * @param origin {@code bundled} (shipped with the runtime), {@code configured} (the PEP list source's at start) or
     *     {@code loaded} (loaded into the running platform)
     * @param entries every entry of the publication; {@code individuals} of them are screened against
     */
    record ListVersion(String source, String name, String origin, Instant loadedAt, int entries, int individuals,
            String sha256) {
    }

    /** What screening works with: the index and the versions it was built from, consistent with each other. */
    record Snapshot(ScreeningIndex index, Map<ListSource, ListVersion> versions) {
        String versionOf(ListSource source) {
            ListVersion version = versions.get(source);
            return version == null ? "unknown" : version.name();
        }
    }

    sealed interface LoadOutcome {
        record Loaded(ListVersion version) implements LoadOutcome {
        }

        record Refused(String code, String detail) implements LoadOutcome {
        }
    }

    private record Current(Map<ListSource, SanctionsList> lists, Snapshot snapshot) {
    }

    private final ScreeningSettings settings;
    private final PepListSource pep;
    private final MatchPolicy policy;
    private final Clock clock;
    private final CompletableFuture<Current> started;
    private volatile Current current;

    ScreeningLists(ScreeningSettings settings, PepListSource pep, Clock clock) {
        this.settings = settings;
        this.pep = pep;
        this.policy = new MatchPolicy(settings.threshold());
        this.clock = clock;
        this.started = new CompletableFuture<>();
        Thread.ofPlatform().name("screening-lists").daemon().start(() -> {
            try {
                Current loaded = loadAtStart();
                current = loaded;
                started.complete(loaded);
            } catch (RuntimeException | Error e) {
                log.error("the screening lists could not be loaded; screening refuses to clear anyone", e);
                started.completeExceptionally(e);
            }
        });
    }

    /** The lists screened against now; waits for the load at start. */
    Snapshot current() {
        Current now = current;
        return (now != null ? now : started.join()).snapshot();
    }

    List<ListVersion> versions() {
        return current().versions().values().stream().sorted(Comparator.comparing(ListVersion::source)).toList();
    }

    /** Replaces the source's current version with this file (named {@code name}); see the class comment. */
    synchronized LoadOutcome load(ListSource source, String name, byte[] content, boolean force) {
        Current before = current == null ? started.join() : current;
        SanctionsList parsed;
        try {
            parsed = readList(source, content);
        } catch (UnreadableListException e) {
            return new LoadOutcome.Refused("list_unreadable", e.getMessage());
        }
        int individuals = parsed.individuals().size();
        if (individuals == 0) {
            return new LoadOutcome.Refused("list_unreadable", "The file lists no individuals.");
        }
        ListVersion previous = before.snapshot().versions().get(source);
        if (!force && previous != null && individuals * 2 < previous.individuals()) {
            return new LoadOutcome.Refused("list_shrunk", "The file lists " + individuals + " individuals, the current "
                    + source.wireName() + " version " + previous.individuals() + "; a truncated file looks like that."
                    + " Send it again with force=true if it is right.");
        }
        Instant now = clock.instant();
        ListVersion version = new ListVersion(source.wireName(), name, "loaded", now, parsed.entries().size(), individuals,
                sha256(content));
        keep(source, name, content, now);
        Map<ListSource, SanctionsList> lists = new EnumMap<>(before.lists());
        lists.put(source, parsed);
        Map<ListSource, ListVersion> versions = new EnumMap<>(before.snapshot().versions());
        versions.put(source, version);
        current = new Current(lists, new Snapshot(ScreeningIndex.build(lists.values(), policy), Map.copyOf(versions)));
        log.info("screening list {} version {} loaded: {} entries, {} individuals", source.wireName(), name,
                parsed.entries().size(), individuals);
        return new LoadOutcome.Loaded(version);
    }

    /** Loads what the PEP list source offers now as the PEP list's new version; see {@link #load}. */
    LoadOutcome reloadPep(boolean force) {
        Optional<PepListSource.Publication> publication;
        try {
            publication = pep.fetch();
        } catch (UnreadableListException e) {
            return new LoadOutcome.Refused("list_unreadable", e.getMessage());
        }
        if (publication.isEmpty()) {
            return new LoadOutcome.Refused("list_source_not_configured", "No PEP list source is configured"
                    + " (runtime.compliance.screening.pep-list); send the list file as the body.");
        }
        return load(ListSource.PEP, publication.get().name(), publication.get().content(), force);
    }

    private SanctionsList readList(ListSource source, byte[] content) {
        return source == ListSource.PEP ? pep.parse(content) : parse(source, content);
    }

    static SanctionsList parse(ListSource source, byte[] content) {
        return switch (source) {
            case UN -> UnConsolidatedXml.parse(new ByteArrayInputStream(content));
            case OFAC -> OfacSdnCsv.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
            case PEP -> PepCsv.parse(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8));
        };
    }

    private Current loadAtStart() {
        Map<ListSource, SanctionsList> lists = new EnumMap<>(ListSource.class);
        Map<ListSource, ListVersion> versions = new EnumMap<>(ListSource.class);
        for (ListSource source : ListSource.values()) {
            Optional<Path> kept = newestKept(source);
            byte[] content;
            ListVersion version;
            if (kept.isPresent()) {
                content = read(kept.get());
                String[] parts = kept.get().getFileName().toString().split("--", 3);
                SanctionsList list = readList(source, content);
                lists.put(source, list);
                version = new ListVersion(source.wireName(), parts[2], "loaded", Instant.ofEpochMilli(Long.parseLong(parts[1])),
                        list.entries().size(), list.individuals().size(), sha256(content));
            } else if (source == ListSource.PEP) {
                Optional<PepListSource.Publication> configured = pep.fetch();
                if (configured.isEmpty()) {
                    log.warn("no PEP list is configured (runtime.compliance.screening.pep-list): players are not screened"
                            + " for politically exposed persons until one is loaded");
                    continue;
                }
                content = configured.get().content();
                SanctionsList list = pep.parse(content);
                lists.put(source, list);
                version = new ListVersion(source.wireName(), configured.get().name(), "configured", clock.instant(),
                        list.entries().size(), list.individuals().size(), sha256(content));
            } else {
                content = bundled(BUNDLED.get(source));
                SanctionsList list = parse(source, content);
                lists.put(source, list);
                version = new ListVersion(source.wireName(), BUNDLED.get(source), "bundled", clock.instant(),
                        list.entries().size(), list.individuals().size(), sha256(content));
            }
            versions.put(source, version);
            log.info("screening list {} version {} ({}): {} entries, {} individuals", source.wireName(), version.name(),
                    version.origin(), version.entries(), version.individuals());
        }
        return new Current(lists, new Snapshot(ScreeningIndex.build(lists.values(), policy), Map.copyOf(versions)));
    }

    /** Files of the list directory are named {@code <source>--<loaded at, epoch ms>--<name>}. */
    private Optional<Path> newestKept(ListSource source) {
        if (settings.listDirectory().isBlank()) {
            return Optional.empty();
        }
        Path directory = Path.of(settings.listDirectory());
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().startsWith(source.wireName() + "--"))
                    .filter(file -> file.getFileName().toString().split("--", 3).length == 3)
                    .max(Comparator.comparingLong(file -> Long.parseLong(file.getFileName().toString().split("--", 3)[1])));
        } catch (IOException | NumberFormatException e) {
            log.warn("the sanctions list directory {} could not be read: {}", directory, e.getMessage());
            return Optional.empty();
        }
    }

    private void keep(ListSource source, String name, byte[] content, Instant loadedAt) {
        if (settings.listDirectory().isBlank()) {
            return;
        }
        try {
            Path directory = Files.createDirectories(Path.of(settings.listDirectory()));
            Files.write(directory.resolve(source.wireName() + "--" + loadedAt.toEpochMilli() + "--" + name), content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the sanctions list in " + settings.listDirectory(), e);
        }
    }

    private static byte[] bundled(String file) {
        try (InputStream in = ScreeningLists.class.getClassLoader().getResourceAsStream("sanctions/" + file)) {
            if (in == null) {
                throw new IllegalStateException("the runtime is built without its bundled list sanctions/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
