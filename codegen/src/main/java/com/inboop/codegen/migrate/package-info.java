/** Applying a folder of Flyway SQL migrations with the settings production uses, and reporting failures by file and line. */
package com.inboop.codegen.migrate;
