package com.sportsbook.runtime.compliance.screening;

import com.sportsbook.runtime.compliance.screening.core.SanctionsList;
import com.sportsbook.runtime.compliance.screening.core.UnreadableListException;
import java.util.Optional;

/**
 * Where the platform's list of politically exposed persons comes from. PEP lists are commercial (Dow Jones, LSEG
 * World-Check, ComplyAdvantage, OpenSanctions' licensed data); an adapter for one implements this and is declared as a
 * {@code @Primary} bean, replacing the file-based {@link CsvPepListSource}. Whatever the feed, it yields individuals with their names,
 * aliases and dates of birth, screened with the same matcher as the sanctions lists (ADR 0024).
 */
public interface PepListSource {

    /**
     * The publication the source offers now: at start (when no version was loaded since) and when the list is reloaded
     * without a file ({@code POST /internal/v1/screening/lists/pep}). Empty when no source is configured.
     *
     * @throws UnreadableListException when the configured source cannot be read
     */
    Optional<Publication> fetch();

    /**
     * Reads a publication in this source's format: one fetched, or one sent as the body of the load call.
     *
     * @throws UnreadableListException when it is not a list of this format
     */
    SanctionsList parse(byte[] content);

    /**
     * @param name how the version is known (the file name, the feed's version), letters, digits, dots, dashes and
     *     underscores
     * @param content the publication as the source delivers it, which {@link #parse} reads; its SHA-256 identifies it
     */
    record Publication(String name, byte[] content) {
    }
}
