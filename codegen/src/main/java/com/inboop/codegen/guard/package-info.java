/** The migration guard: the design document's migration rules, checked on the files and on a real Postgres as each migration applies. */
package com.inboop.codegen.guard;
