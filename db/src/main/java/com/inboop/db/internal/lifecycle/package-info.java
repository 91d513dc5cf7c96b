/** Private API (no compatibility guarantees): the compare-and-set changes, status rules, counts and transaction handling the lifecycles share. */
package com.inboop.db.internal.lifecycle;
