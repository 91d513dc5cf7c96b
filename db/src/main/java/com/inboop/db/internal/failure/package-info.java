/** How failures of the database reach a caller: as one {@code DatabaseFailureException}, whatever reported them. */
package com.inboop.db.internal.failure;
