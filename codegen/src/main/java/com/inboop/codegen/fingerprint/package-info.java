/** Deciding whether generated classes are still current, so an unchanged build skips Postgres entirely. */
package com.inboop.codegen.fingerprint;
