/** A real PostgreSQL server started in a temporary folder for the tests that need one. */
package org.ibvadvisor.testkit.postgres;
