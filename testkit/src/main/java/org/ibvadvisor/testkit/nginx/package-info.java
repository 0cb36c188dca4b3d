/** A real nginx started in a temporary folder for the tests that put a reverse proxy in front of the advisor. */
package org.ibvadvisor.testkit.nginx;
