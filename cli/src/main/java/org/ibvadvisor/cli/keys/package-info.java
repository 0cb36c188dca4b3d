/** The API keys in the data folder, hashed, and {@code ./advisor keys}, which makes, lists and revokes them. */
package org.ibvadvisor.cli.keys;
