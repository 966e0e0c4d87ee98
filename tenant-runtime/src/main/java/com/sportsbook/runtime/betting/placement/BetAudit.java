package com.sportsbook.runtime.betting.placement;

import com.sportsbook.runtime.audit.AuditEntry;
import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.audit.BetReceipt;
import com.sportsbook.runtime.audit.BetReceipts;
import com.sportsbook.runtime.audit.CanonicalJson;
import com.sportsbook.runtime.tenancy.TenantContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What placement writes to the audit log, in the placing (or deciding) transaction: a bet waiting its in-play delay
 * with the prices asked, an accepted bet with its receipt (every price at acceptance; the platform signs it a moment
 * later), a bet rejected after its delay with the reason.
 */
final class BetAudit {

    private final AuditTrail trail;
    private final BetReceipts receipts;

    BetAudit(AuditTrail trail, BetReceipts receipts) {
        this.trail = trail;
        this.receipts = receipts;
    }

    /** A bet as placed or as decided after its delay: accepted bets get their receipt, pending ones are logged. */
    void placed(BetView bet) {
        if ("accepted".equals(bet.status())) {
            String receipt = receipts.issue(receipt(bet));
            trail.record(entry("bet.accepted", bet).at(bet.decidedAt()).with("afterDelay", bet.acceptAfter() != null)
                    .with("receipt", new CanonicalJson.Raw(receipt)));
        } else {
            trail.record(entry("bet.placed", bet).at(bet.placedAt()).with("status", bet.status())
                    .with("acceptAfter", bet.acceptAfter()).with("legs", legs(bet)));
        }
    }

    void rejected(BetView bet, String reason, String detail) {
        trail.record(entry("bet.rejected", bet).with("reason", reason).with("detail", detail));
    }

    private static AuditEntry entry(String kind, BetView bet) {
        return AuditEntry.of(kind, bet.id()).by("player:" + bet.playerId()).with("player", bet.playerId())
                .with("type", bet.type()).with("currency", bet.currency()).with("unitStake", bet.unitStake())
                .with("lines", bet.lines()).with("totalStake", bet.totalStake()).with("potentialReturn", bet.potentialReturn())
                .with("oddsPolicy", bet.oddsPolicy()).with("inPlay", bet.inPlay());
    }

    private static List<Map<String, Object>> legs(BetView bet) {
        return bet.legs().stream().map(leg -> {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("position", leg.position());
            fields.put("selectionId", leg.selectionId());
            fields.put("selection", leg.selection());
            fields.put("marketId", leg.marketId());
            fields.put("market", leg.marketType());
            fields.put("line", leg.line());
            fields.put("marketVersion", leg.marketVersion());
            fields.put("event", leg.event());
            fields.put("requestedPrice", leg.requestedPrice());
            fields.put("price", leg.price());
            return fields;
        }).toList();
    }

    static BetReceipt receipt(BetView bet) {
        return new BetReceipt(bet.id(), bet.playerId(), TenantContext.require().slug().value(), bet.decidedAt(), bet.type(),
                bet.currency(), bet.unitStake(), bet.lines(), bet.totalStake(), bet.potentialReturn(),
                bet.legs().stream().map(leg -> new BetReceipt.Leg(leg.position(), leg.eventId(), leg.event(), leg.marketId(),
                        leg.marketType(), leg.line(), leg.selectionId(), leg.selection(), leg.price())).toList());
    }
}
