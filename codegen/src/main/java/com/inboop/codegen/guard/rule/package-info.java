/** The migration guard's rules, each with its stable code, severity, layer and fix, and what a rule finds: violations and approvals. */
package com.inboop.codegen.guard.rule;
