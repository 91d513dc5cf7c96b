/** Backfills as separate, resumable jobs: keyset batches in short transactions that only fill values still NULL, so re-runs change nothing and application writes are never overwritten. */
package com.inboop.db.backfill;
