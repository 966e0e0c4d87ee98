package com.sportsbook.runtime.compliance.reports;

import com.sportsbook.runtime.betting.placement.BetRecords;
import com.sportsbook.runtime.compliance.aml.AmlCases;
import com.sportsbook.runtime.compliance.responsible.ResponsibleGamblingRecords;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.settlement.voids.Voids;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The regulator reports on the bound tenant's records. */
@Configuration
class ReportsConfiguration {

    @Bean
    RegulatorReports regulatorReports(BetRecords bets, Voids voids, ResponsibleGamblingRecords responsible, AmlCases aml,
            Players players, EffectiveRules rules, Clock clock) {
        return new RegulatorReports(bets, voids, responsible, aml, players, rules, clock);
    }
}
