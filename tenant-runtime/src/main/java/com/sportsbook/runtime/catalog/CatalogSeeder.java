package com.sportsbook.runtime.catalog;

import com.sportsbook.runtime.tenancy.TenantSeeder;
import java.util.List;
import org.springframework.stereotype.Component;

/** A new tenant offers football, tennis and basketball; the feeds fill them with events. */
@Component
class CatalogSeeder implements TenantSeeder {

    private record Starter(String key, String name) {
    }

    private static final List<Starter> STARTERS = List.of(
            new Starter("football", "Football"),
            new Starter("tennis", "Tennis"),
            new Starter("basketball", "Basketball"));

    private final SportRepository sports;

    CatalogSeeder(SportRepository sports) {
        this.sports = sports;
    }

    @Override
    public void seed(TenantSeed seed) {
        for (int i = 0; i < STARTERS.size(); i++) {
            Starter starter = STARTERS.get(i);
            if (!sports.existsByKey(starter.key())) {
                sports.save(new Sport(starter.key(), starter.name(), i + 1));
            }
        }
    }
}
