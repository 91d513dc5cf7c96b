/** Production's legacy varchar values and how each maps to the design's Postgres ENUMs, in one place for every reader and writer. */
package com.inboop.db.legacy;
