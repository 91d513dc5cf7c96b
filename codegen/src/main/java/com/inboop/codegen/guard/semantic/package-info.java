/** The guard's semantic layer: what each migration really did to the catalog and which locks it held, observed on Postgres. */
package com.inboop.codegen.guard.semantic;
