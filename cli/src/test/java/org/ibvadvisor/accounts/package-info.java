/** Accounts end to end: the real advisor with keys made by {@code ./advisor keys}, behind a real nginx, and its start-up checks. */
package org.ibvadvisor.accounts;
