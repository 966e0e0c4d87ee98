package com.sportsbook.runtime.catalog;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SportRepository extends JpaRepository<Sport, UUID> {

    boolean existsByKey(String key);

    List<Sport> findByActiveTrueOrderByDisplayOrder();
}
