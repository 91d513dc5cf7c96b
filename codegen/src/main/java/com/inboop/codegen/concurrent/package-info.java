/** Work started on a thread of its own while the caller goes on, with failures rethrown as they were. */
package com.inboop.codegen.concurrent;
