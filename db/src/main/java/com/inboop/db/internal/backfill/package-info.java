/** Private API (no compatibility guarantees): the backfill jobs that bring existing rows to the design, in keyset batches, run by the command line. */
package com.inboop.db.internal.backfill;
