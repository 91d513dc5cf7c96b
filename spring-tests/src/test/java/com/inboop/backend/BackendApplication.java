package com.inboop.backend;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot backend as Inboop's is built: JPA entities in the backend's style ({@code entity}), Spring Data
 * repositories, jOOQ, its own Flyway for its own migrations V1..V13 (in {@code db/migration}), and the inboop-db
 * starter on the classpath.
 */
@SpringBootApplication
public class BackendApplication {
}
