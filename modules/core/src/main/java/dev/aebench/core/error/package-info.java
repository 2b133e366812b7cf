/**
 * User errors: the one exception type whose message is shown to the user as a single line with
 * exit code 2. Everything else is a bug and keeps its stack trace.
 */
package dev.aebench.core.error;
