/** The Inboop backend's JPA entities as the backend maps them: varchar statuses as Java enums, businesses scoped by owner, no column of inboop-db's. */
package com.inboop.backend.entity;
