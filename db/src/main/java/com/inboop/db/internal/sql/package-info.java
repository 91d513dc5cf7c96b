/** Private API (no compatibility guarantees): SQL building blocks the queries share: UTC time, workspace scope, literals, contact names. */
package com.inboop.db.internal.sql;
