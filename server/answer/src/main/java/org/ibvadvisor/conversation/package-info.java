/** What users own: conversations, their messages and the feedback on answers, and the store contract that keeps them. */
package org.ibvadvisor.conversation;
