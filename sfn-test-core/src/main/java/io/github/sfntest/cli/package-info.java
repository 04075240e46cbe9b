/** The command line ({@code sfn-test run|validate|batch|serve}): argument parsing and one class per command. */
package io.github.sfntest.cli;
