/** Files and text the build helper writes: directories created and removed safely, JSON written by hand. */
package com.inboop.codegen.io;
