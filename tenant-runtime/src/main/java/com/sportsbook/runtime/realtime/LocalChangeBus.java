package com.sportsbook.runtime.realtime;

import com.sportsbook.runtime.catalog.CatalogChange;
import java.util.function.Consumer;

/** The bus of a single replica (the embedded default): a change is delivered where it was published. */
final class LocalChangeBus implements ChangeBus {

    private volatile Consumer<CatalogChange> receiver = change -> { };

    @Override
    public void publish(CatalogChange change) {
        receiver.accept(change);
    }

    @Override
    public void onChange(Consumer<CatalogChange> receiver) {
        this.receiver = receiver;
    }
}
