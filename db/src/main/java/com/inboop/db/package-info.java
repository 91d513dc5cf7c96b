/** inboop-db: Inboop's Postgres schema as generated jOOQ classes ({@code com.inboop.db.schema}) and the code that uses it. */
package com.inboop.db;
