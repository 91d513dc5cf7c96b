/** Private API of inboop-db: no compatibility guarantees, any class may change or go in any release; backends use the packages beside it. */
package com.inboop.db.internal;
