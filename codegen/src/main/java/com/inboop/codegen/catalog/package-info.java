/** Snapshots of a Postgres schema's catalog (tables, columns, constraints, indexes, enums), to compare two databases or one database over time. */
package com.inboop.codegen.catalog;
