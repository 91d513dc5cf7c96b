/** Provisioning of throwaway Postgres servers and databases: one small class per provider behind {@link com.inboop.codegen.postgres.EphemeralPostgres}. */
package com.inboop.codegen.postgres;
