package com.sportsbook.runtime.notices;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NoticeRepository extends JpaRepository<Notice, UUID> {

    List<Notice> findByBrandSlugOrderByPublishedAtDesc(String brandSlug, Limit limit);

    Optional<Notice> findByIdAndBrandSlug(UUID id, String brandSlug);
}
