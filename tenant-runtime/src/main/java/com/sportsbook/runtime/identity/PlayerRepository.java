package com.sportsbook.runtime.identity;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlayerRepository extends JpaRepository<Player, UUID> {

    Optional<Player> findByIdentityUserId(String identityUserId);

    @Query("select count(p) > 0 from Player p where lower(p.email) = lower(:email)")
    boolean existsByEmail(String email);
}
