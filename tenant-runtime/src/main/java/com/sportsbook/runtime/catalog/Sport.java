package com.sportsbook.runtime.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "sport")
class Sport {

    @Id
    private UUID id;

    @Column(name = "sport_key", nullable = false, unique = true)
    private String key;

    @Column(nullable = false)
    private String name;

    @Column(name = "display_order", nullable = false)
    private int displayOrder;

    @Column(nullable = false)
    private boolean active;

    protected Sport() {
    }

    Sport(String key, String name, int displayOrder) {
        this.id = UUID.randomUUID();
        this.key = key;
        this.name = name;
        this.displayOrder = displayOrder;
        this.active = true;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    boolean active() {
        return active;
    }
}
