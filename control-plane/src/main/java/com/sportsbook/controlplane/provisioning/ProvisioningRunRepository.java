package com.sportsbook.controlplane.provisioning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProvisioningRunRepository extends JpaRepository<ProvisioningRun, UUID> {

    Optional<ProvisioningRun> findByTenantSlug(String tenantSlug);

    List<ProvisioningRun> findByStatusIn(Collection<String> statuses);
}
