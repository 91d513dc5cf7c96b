/** The leads and orders lists with their filters and counts, and the lifecycles of leads, order fulfilment and payment as compare-and-set changes (plus intent updates). */
package com.inboop.db.status;
