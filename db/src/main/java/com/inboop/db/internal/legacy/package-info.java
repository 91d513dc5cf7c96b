/** Private API (no compatibility guarantees): the SQL for a row's effective status (typed column, else its legacy value's mapping) and the legacy channel names. */
package com.inboop.db.internal.legacy;
