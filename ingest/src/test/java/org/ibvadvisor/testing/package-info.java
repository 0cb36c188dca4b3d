/** Fixtures shared by the test suites of every module: the bundled corpus ingested once per test JVM. */
package org.ibvadvisor.testing;
