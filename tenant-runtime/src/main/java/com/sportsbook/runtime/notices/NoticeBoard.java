package com.sportsbook.runtime.notices;

import com.sportsbook.runtime.tenancy.TenantContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The notices of the bound tenant's brand. Reads and writes reach the bound tenant's schema only. */
@Service
public class NoticeBoard {

    public record NoticeView(UUID id, String brand, String title, String body, java.time.Instant publishedAt) {
    }

    private final NoticeRepository notices;
    private final Clock clock;

    NoticeBoard(NoticeRepository notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    @Transactional
    public NoticeView publish(String title, String body) {
        Notice notice = notices.save(new Notice(brand(), title, body, clock.instant()));
        return view(notice);
    }

    @Transactional(readOnly = true)
    public List<NoticeView> latest(int limit) {
        return notices.findByBrandSlugOrderByPublishedAtDesc(brand(), Limit.of(limit)).stream().map(NoticeBoard::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<NoticeView> find(UUID id) {
        return notices.findByIdAndBrandSlug(id, brand()).map(NoticeBoard::view);
    }

    private static String brand() {
        String brand = TenantContext.require().brand();
        if (brand == null) {
            throw new IllegalStateException("notices belong to a brand; none is bound");
        }
        return brand;
    }

    private static NoticeView view(Notice notice) {
        return new NoticeView(notice.id(), notice.brandSlug(), notice.title(), notice.body(), notice.publishedAt());
    }
}
