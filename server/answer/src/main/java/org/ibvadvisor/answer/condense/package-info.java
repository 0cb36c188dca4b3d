/** Turns a follow-up question ("那 2025 年呢？", "why?") into a standalone query, from the conversation before it. */
package org.ibvadvisor.answer.condense;
