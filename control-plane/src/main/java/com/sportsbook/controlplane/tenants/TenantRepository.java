package com.sportsbook.controlplane.tenants;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TenantRepository extends JpaRepository<Tenant, UUID> {

    Optional<Tenant> findBySlug(String slug);

    boolean existsBySlug(String slug);

    @Query("select t from Tenant t join fetch t.operator order by t.createdAt")
    List<Tenant> findAllWithOperator();

    /** Called in every transaction that changes what the routing directory publishes. */
    @Modifying
    @Query(value = "UPDATE {h-schema}routing_state SET version = version + 1 WHERE id = 1", nativeQuery = true)
    void bumpRoutingVersion();

    @Query(value = "SELECT version FROM {h-schema}routing_state WHERE id = 1", nativeQuery = true)
    long routingVersion();
}
