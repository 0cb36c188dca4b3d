/** Keeps conversations, their messages and the feedback on answers in an embedded database that survives restarts and crashes. */
package org.ibvadvisor.conversation;
