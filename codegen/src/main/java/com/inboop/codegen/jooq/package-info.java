/** Running jOOQ's code generator from the module's own XML configuration against a migrated database. */
package com.inboop.codegen.jooq;
