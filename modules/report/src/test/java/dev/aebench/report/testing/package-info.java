/** Test helpers: results folders built record by record in the shape {@code aebench run} writes. */
package dev.aebench.report.testing;
