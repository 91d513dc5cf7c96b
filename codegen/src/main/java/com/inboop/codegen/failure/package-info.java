/** The build helper's one exception type, {@link com.inboop.codegen.failure.CodegenException}: a message that says what happened and what to do, and nothing else. */
package com.inboop.codegen.failure;
