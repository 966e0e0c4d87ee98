package com.sportsbook.controlplane.tenants;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BrandRepository extends JpaRepository<Brand, UUID> {

    boolean existsBySlug(String slug);

    java.util.Optional<Brand> findBySlug(String slug);
}
