/** A backend without JPA, whose transactions Spring manages over JDBC alone. */
package com.inboop.jdbcbackend;
