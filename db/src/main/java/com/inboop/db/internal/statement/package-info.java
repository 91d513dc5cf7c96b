/** Private API (no compatibility guarantees): list statements rendered once per shape and their rows read from the driver's result set without jOOQ records. */
package com.inboop.db.internal.statement;
