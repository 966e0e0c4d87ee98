package com.sportsbook.runtime.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlayerRepository extends JpaRepository<Player, UUID> {

    Optional<Player> findByIdentityUserId(String identityUserId);

    @Query("select count(p) > 0 from Player p where lower(p.email) = lower(:email)")
    boolean existsByEmail(String email);

    List<Player> findAllByOrderByIdAsc(Limit limit);

    @Query("""
            select p from Player p where lower(p.email) = lower(:email)
            or (lower(p.firstName) = lower(:firstName) and lower(p.lastName) = lower(:lastName) and p.dateOfBirth = :dateOfBirth)
            order by p.createdAt""")
    List<Player> findSamePerson(String email, String firstName, String lastName, java.time.LocalDate dateOfBirth);

    List<Player> findByIdGreaterThanOrderByIdAsc(UUID after, Limit limit);
}
