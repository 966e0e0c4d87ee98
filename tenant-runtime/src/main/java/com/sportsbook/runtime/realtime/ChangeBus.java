package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.util.function.Consumer;

/**
 * Carries committed catalog changes to every runtime replica. Each replica publishes what it ingested and
 * delivers everything it receives (its own changes included) to its local clients.
 */
public interface ChangeBus extends AutoCloseable {

    void publish(CatalogChange change);

    /** Registers the one receiver of this replica. */
    void onChange(Consumer<CatalogChange> receiver);

    @Override
    default void close() {
    }
}
