package com.sportsbook.runtime.payments.flow;

import org.springframework.context.ApplicationEventPublisher;
import com.sportsbook.runtime.payments.DepositGate;
import com.sportsbook.runtime.payments.PaymentProvider;
import com.sportsbook.runtime.payments.PendingDeposits;
import com.sportsbook.runtime.payments.PermissiveDepositGateUntilComplianceLands;
import com.sportsbook.runtime.payments.PermissiveWithdrawalGateUntilComplianceLands;
import com.sportsbook.runtime.payments.WithdrawalGate;
import com.sportsbook.runtime.wallet.Wallet;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class PaymentsConfiguration {

    @Bean
    @ConditionalOnMissingBean(DepositGate.class)
    DepositGate permissiveDepositGateUntilComplianceLands() {
        return new PermissiveDepositGateUntilComplianceLands();
    }

    @Bean
    PaymentRecords paymentRecords(DataSource dataSource) {
        return new PaymentRecords(JdbcClient.create(dataSource));
    }

    @Bean
    PendingDeposits pendingDeposits(PaymentRecords records, PaymentsSettings settings, Clock clock) {
        return new PendingDepositTotals(records, settings.pendingDepositExpiry(), clock);
    }

    @Bean
    Deposits deposits(PaymentRecords records, PaymentProvider provider, DepositGate gate,
            PlatformTransactionManager transactions, Clock clock) {
        return new Deposits(records, provider, gate, new TransactionTemplate(transactions), clock);
    }

    @Bean
    @ConditionalOnMissingBean(WithdrawalGate.class)
    WithdrawalGate permissiveWithdrawalGateUntilComplianceLands() {
        return new PermissiveWithdrawalGateUntilComplianceLands();
    }

    @Bean
    Withdrawals withdrawals(PaymentRecords records, PaymentProvider provider, WithdrawalGate gate, Wallet wallet,
            PlatformTransactionManager transactions, Clock clock, PaymentsSettings settings,
            ApplicationEventPublisher events) {
        return new Withdrawals(records, provider, gate, wallet, new TransactionTemplate(transactions), clock,
                new Withdrawals.Rules(settings.withdrawals().wageringRequired(), settings.withdrawals().approvalThreshold()),
                events);
    }

    @Bean
    WebhookIntake webhookIntake(PaymentRecords records, PaymentProvider provider, Withdrawals withdrawals, Wallet wallet,
            PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        return new WebhookIntake(records, provider, withdrawals, wallet, new TransactionTemplate(transactions), clock,
                events);
    }
}
