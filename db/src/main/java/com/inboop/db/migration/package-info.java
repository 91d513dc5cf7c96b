/** Applying the migrations this jar ships ({@code classpath:inboop/db/migration}) to a backend's database, with production-safe settings. */
package com.inboop.db.migration;
