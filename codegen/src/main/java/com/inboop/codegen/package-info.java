/** The build helper's entry point: turns a folder of Flyway migrations into jOOQ classes on a throwaway Postgres. */
package com.inboop.codegen;
