/** {@code migrations.lock}: the committed record of every landed migration's hash, so that none is ever edited or deleted. */
package com.inboop.codegen.guard.lock;
