package com.sportsbook.controlplane.credentials;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
class CredentialsConfiguration {

    @Bean
    Credentials credentials(DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
            CredentialsSettings settings) {
        KeyWrapper wrapper = new LocalKeyWrapper(settings.localKeyId(), settings.localMasterKey());
        return new Credentials(JdbcClient.create(dataSource), new SecretEnvelope(wrapper), new TransactionTemplate(transactions),
                clock);
    }
}
