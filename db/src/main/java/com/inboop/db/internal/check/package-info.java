/** Private API (no compatibility guarantees): validation of the arguments the public API receives, with errors that name the argument. */
package com.inboop.db.internal.check;
