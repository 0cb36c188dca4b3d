/** The {@link org.ibvadvisor.conversation.ConversationStore} on an embedded H2 database that survives restarts and crashes. */
package org.ibvadvisor.store.h2;
