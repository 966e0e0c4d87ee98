package com.sportsbook.runtime.compliance.responsible;

import com.sportsbook.runtime.audit.AuditTrail;
import com.sportsbook.runtime.betting.placement.BettingGate;
import com.sportsbook.runtime.compliance.kyc.KycStatus;
import com.sportsbook.runtime.compliance.responsible.register.NationalRegister;
import com.sportsbook.runtime.compliance.responsible.register.NationalRegisters;
import com.sportsbook.runtime.compliance.responsible.register.SandboxNationalRegister;
import com.sportsbook.runtime.compliance.rules.EffectiveRules;
import com.sportsbook.runtime.compliance.screening.EnhancedDueDiligence;
import com.sportsbook.runtime.identity.PlayerRestrictions;
import com.sportsbook.runtime.identity.Players;
import com.sportsbook.runtime.payments.DepositGate;
import com.sportsbook.runtime.payments.PendingDeposits;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Responsible gambling on the bound tenant's schema; it answers betting's and payments' gates and identity's
 * restrictions, each replacing the module's permissive stand-in ({@code @Primary}: the stand-ins yield to any other).
 */
@Configuration
class ResponsibleGamblingConfiguration {

    @Bean
    Limits responsibleLimits(DataSource dataSource, Clock clock) {
        return new Limits(JdbcClient.create(dataSource), clock);
    }

    @Bean
    Exclusions responsibleExclusions(DataSource dataSource, Clock clock) {
        return new Exclusions(JdbcClient.create(dataSource), clock);
    }

    @Bean
    Usage responsibleUsage(Wallet wallet, Players players, Clock clock) {
        return new Usage(wallet, players, clock);
    }

    /** The sandbox answers for every register the packs name, until real adapters are configured per register. */
    @Bean
    NationalRegisters nationalRegisters(ResponsibleGamblingSettings settings) {
        List<NationalRegister> registers = settings.registers().stream()
                .<NationalRegister>map(name -> new SandboxNationalRegister(name, settings.sandboxListedEmails())).toList();
        return new NationalRegisters(registers);
    }

    /** Needs nothing of identity, so identity's players may ask it (no cycle). */
    @Bean
    ExclusionChecks responsibleExclusionChecks(Exclusions exclusions, EffectiveRules rules, NationalRegisters registers,
            PlatformTransactionManager transactions, ResponsibleGamblingSettings settings, Clock clock, AuditTrail audit) {
        return new ExclusionChecks(exclusions, rules, registers, new TransactionTemplate(transactions), settings, clock, audit);
    }

    @Bean
    LimitHits responsibleLimitHits(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        return new LimitHits(JdbcClient.create(dataSource), transactions, clock);
    }

    @Bean
    ResponsibleGamblingRecords responsibleGamblingRecords(DataSource dataSource, Clock clock) {
        return new ResponsibleGamblingRecords(JdbcClient.create(dataSource), clock);
    }

    @Bean
    ResponsibleGambling responsibleGambling(Limits limits, Exclusions exclusions, Usage usage, EffectiveRules rules,
            Players players, ExclusionChecks checks, DataSource dataSource, PlatformTransactionManager transactions,
            ResponsibleGamblingSettings settings, AuditTrail audit, Clock clock, PendingDeposits pending) {
        return new ResponsibleGambling(limits, exclusions, usage, rules, players, checks, JdbcClient.create(dataSource),
                new TransactionTemplate(transactions), settings, audit, clock, pending);
    }

    @Bean
    @Primary
    PlayerRestrictions responsiblePlayerRestrictions(ExclusionChecks checks, PlatformTransactionManager transactions) {
        return new ResponsibleRestrictions(checks, new TransactionTemplate(transactions));
    }

    @Bean
    @Primary
    BettingGate responsibleBettingGate(ExclusionChecks checks, Usage usage, EffectiveRules rules, KycStatus kyc,
            DataSource dataSource, LimitHits hits, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new ResponsibleBettingGate(checks, new BettingStanding(jdbc, clock), usage, rules, kyc, jdbc, hits);
    }

    @Bean
    @Primary
    DepositGate responsibleDepositGate(ExclusionChecks checks, Limits limits, Usage usage, EffectiveRules rules,
            KycStatus kyc, Players players, Wallet wallet, PlatformTransactionManager transactions, LimitHits hits,
            PendingDeposits pending, EnhancedDueDiligence dueDiligence) {
        return new ResponsibleDepositGate(checks, limits, usage, rules, kyc, players, wallet, new TransactionTemplate(transactions),
                hits, pending, dueDiligence);
    }
}
