/** Private API (no compatibility guarantees): the command-line entry points (migrate, validate, info, backfill) that the inboop-db script runs; they call System.exit. */
package com.inboop.db.internal.cli;
