/** What every lifecycle shares: the result of a compare-and-set change, and the exception for a change its rules forbid. */
package com.inboop.db.lifecycle;
