package com.sportsbook.runtime.payments.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReconciliationRulesTest {

    private static SettlementReport.Line line(String type, long amount, String currency, String status) {
        return new SettlementReport.Line(2, "ref_1", type, amount, currency, status);
    }

    @ParameterizedTest(name = "{0} {3} against our {4} {5}: {6}")
    @CsvSource({
            "payment, 2000, EUR, succeeded, deposit, succeeded, ",
            "payment, 2000, EUR, failed, deposit, declined, ",
            "payment, 2000, EUR, failed, deposit, failed, ",
            "payout, 2000, EUR, paid, withdrawal, paid, ",
            "payment, 2000, EUR, succeeded, deposit, pending, status_mismatch",
            "payout, 2000, EUR, paid, withdrawal, sent, status_mismatch",
            "payout, 2000, EUR, paid, deposit, succeeded, status_mismatch",
            "payment, 1999, EUR, succeeded, deposit, succeeded, amount_mismatch",
            "payment, 2000, GBP, succeeded, deposit, succeeded, currency_mismatch",
            "refund, 2000, EUR, succeeded, deposit, succeeded, "})
    void aLineIsComparedOnAmountCurrencyAndOutcome(String type, long amount, String currency, String status,
            String ourKind, String ourStatus, String expected) {
        Optional<ReconciliationRules.Mismatch> mismatch = ReconciliationRules.compare(line(type, amount, currency, status),
                Optional.of(new ReconciliationRules.Known(ourKind, 2000, "EUR", ourStatus)));

        assertThat(mismatch.map(ReconciliationRules.Mismatch::kind).orElse(null)).isEqualTo(expected);
    }

    @Test
    void aLineNamingNoPaymentIsUnmatched() {
        assertThat(ReconciliationRules.compare(line("payment", 2000, "EUR", "succeeded"), Optional.empty()))
                .get().extracting(ReconciliationRules.Mismatch::kind).isEqualTo("unmatched");
    }

    @Test
    void aReportWithABadHeaderOrBadLinesIsRefusedWithLineNumbers() {
        assertThat(SettlementReport.parse("ref,amount\nx,1")).isInstanceOf(SettlementReport.Parsed.Problems.class);
        SettlementReport.Parsed parsed = SettlementReport.parse(SettlementReport.HEADER + "\n"
                + "a,payment,12.50,EUR,succeeded,2026-11-26T10:00:00Z\n"
                + "b,chargeback,100,EUR,succeeded,2026-11-26T10:00:00Z\n"
                + "c,payment,100,eur,succeeded,2026-11-26T10:00:00Z\n"
                + "d,payment,100,EUR\n");

        assertThat(((SettlementReport.Parsed.Problems) parsed).problems()).containsExactly(
                "line 2: amount must be a whole number of minor units",
                "line 3: type must be payment, payout or refund",
                "line 4: currency must be an ISO 4217 code",
                "line 5: expected 6 fields, found 4");
        assertThat(SettlementReport.parse(SettlementReport.HEADER)).isInstanceOf(SettlementReport.Parsed.Problems.class);
    }

    @Test
    void aGoodReportYieldsEveryLine() {
        SettlementReport.Parsed parsed = SettlementReport.parse(SettlementReport.HEADER + "\n"
                + "sbx_pay_1,payment,2000,EUR,succeeded,2026-11-26T10:00:00Z\n\n"
                + "sbx_po_2,payout,4000,EUR,paid,2026-11-26T10:05:00Z\n");

        assertThat(((SettlementReport.Parsed.Lines) parsed).lines()).extracting(SettlementReport.Line::reference)
                .containsExactly("sbx_pay_1", "sbx_po_2");
    }
}
