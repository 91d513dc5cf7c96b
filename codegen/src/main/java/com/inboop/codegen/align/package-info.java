/** Inspect, compare, propose: an existing database (or the migrations) against design/target-schema.sql, with additive migrations proposed for what is missing. */
package com.inboop.codegen.align;
