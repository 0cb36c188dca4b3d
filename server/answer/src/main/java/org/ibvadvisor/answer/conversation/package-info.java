/** Answers within conversations: loads the turns a follow-up needs, and stores each question and its answer so a conversation can be reloaded. */
package org.ibvadvisor.answer.conversation;
