package com.inboop.codegen.cli;

import java.io.PrintStream;

/** Runs the command line from tests in other packages. */
public final class CliAccess {

    private CliAccess() {
    }

    public static int run(PrintStream out, String... args) {
        return InboopDbCli.run(args, out, out);
    }
}
