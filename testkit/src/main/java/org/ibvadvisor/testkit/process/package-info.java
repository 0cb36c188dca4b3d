/** Running a Debian server program for a test: an unprivileged user, a temporary folder, a free loopback port. */
package org.ibvadvisor.testkit.process;
