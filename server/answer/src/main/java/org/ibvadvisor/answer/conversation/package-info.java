/** Answers within conversations: loads the turns a follow-up needs, stores each question and its answer so a conversation can be reloaded, and finds the stored conversation a client's resent messages continue. */
package org.ibvadvisor.answer.conversation;
