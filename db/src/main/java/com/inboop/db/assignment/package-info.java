/** Assigning conversations, leads and orders to agents of their workspace, claiming them, and per-agent workload. */
package com.inboop.db.assignment;
