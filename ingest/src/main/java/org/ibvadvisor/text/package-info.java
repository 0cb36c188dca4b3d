/** Text utilities every stage shares: sentences with exact spans. */
package org.ibvadvisor.text;
