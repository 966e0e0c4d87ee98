package com.sportsbook.controlplane.tenants;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface OperatorRepository extends JpaRepository<Operator, UUID> {

    Optional<Operator> findFirstByContactEmailIgnoreCaseAndNameAndAccountSubjectIsNull(String contactEmail, String name);

    Optional<Operator> findByAccountSubject(String accountSubject);
}
