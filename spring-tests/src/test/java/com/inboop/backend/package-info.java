/** A Spring Boot backend shaped like Inboop's, with the inboop-db starter, run by the tests under each Spring Boot version. */
package com.inboop.backend;
