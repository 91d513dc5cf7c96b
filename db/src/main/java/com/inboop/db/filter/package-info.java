/** The building blocks the list filters share: text search, time ranges, yes/no/any, and query-parameter reading and writing. */
package com.inboop.db.filter;
