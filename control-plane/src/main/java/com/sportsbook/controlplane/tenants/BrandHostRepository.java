package com.sportsbook.controlplane.tenants;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BrandHostRepository extends JpaRepository<BrandHost, String> {

    @Query("select h.host from BrandHost h where h.host in :hosts")
    List<String> findTaken(Collection<String> hosts);
}
