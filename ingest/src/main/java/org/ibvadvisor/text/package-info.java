/** Text utilities every stage shares: sentences with exact spans, which characters are CJK, wrapped lines joined. */
package org.ibvadvisor.text;
