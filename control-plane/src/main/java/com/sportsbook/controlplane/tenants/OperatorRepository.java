package com.sportsbook.controlplane.tenants;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorRepository extends JpaRepository<Operator, UUID> {

    Optional<Operator> findFirstByContactEmailIgnoreCaseAndName(String contactEmail, String name);
}
