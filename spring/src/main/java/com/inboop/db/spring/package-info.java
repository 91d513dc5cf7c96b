/** inboop-db in a Spring Boot application: the schema migrated or checked before JPA and jOOQ start, and the query and lifecycle classes as beans. */
package com.inboop.db.spring;
