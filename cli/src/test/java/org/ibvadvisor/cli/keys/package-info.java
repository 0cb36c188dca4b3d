/** Tests of the API key file and {@code ./advisor keys}. */
package org.ibvadvisor.cli.keys;
