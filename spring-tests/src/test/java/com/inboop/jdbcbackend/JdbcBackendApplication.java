package com.inboop.jdbcbackend;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A backend without JPA: Spring Boot then manages transactions with a JDBC {@code DataSourceTransactionManager}, and
 * jOOQ takes part in them. Kept out of {@code com.inboop.backend}, whose application would otherwise scan it.
 * JPA's auto-configurations are named in both Spring Boot 3.5's and 4.0's packages (a name not on the classpath is
 * ignored).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration"})
@Import(JdbcSalesService.class)
public class JdbcBackendApplication {
}
