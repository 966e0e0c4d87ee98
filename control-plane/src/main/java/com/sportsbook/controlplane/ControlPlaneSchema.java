package com.sportsbook.controlplane;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Creates the control plane's own schema before Liquibase and Hibernate touch the data source: Liquibase keeps its
 * changelog tables in that schema and does not create it.
 */
@Component
class ControlPlaneSchema implements BeanPostProcessor {

    static final String NAME = "control_plane";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + NAME);
            } catch (SQLException e) {
                throw new IllegalStateException("could not create schema " + NAME, e);
            }
        }
        return bean;
    }
}
