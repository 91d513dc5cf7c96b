/** The developer's command line: {@code check} runs the migration guard on a folder of migrations. */
package com.inboop.codegen.cli;
