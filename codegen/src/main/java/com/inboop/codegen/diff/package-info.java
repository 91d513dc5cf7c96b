/** The change report: the schema at two points (git refs, a folder, a released jar) compared, each change marked breaking or safe for compiled consumers. */
package com.inboop.codegen.diff;
