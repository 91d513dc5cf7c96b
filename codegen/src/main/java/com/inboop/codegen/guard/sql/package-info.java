/** A small Postgres-aware SQL lexer: tokens and statements with their lines, aware of strings, dollar quotes and comments. */
package com.inboop.codegen.guard.sql;
