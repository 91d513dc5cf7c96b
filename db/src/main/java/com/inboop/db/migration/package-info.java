/** Applying the migrations this jar ships ({@code classpath:inboop/db/migration}) to a backend's database with production-safe settings, and checking at start-up that the database has the schema this jar was built for. */
package com.inboop.db.migration;
