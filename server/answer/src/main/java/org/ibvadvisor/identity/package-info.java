/** Who is calling: the user a request is made for, how they proved it, and the API keys that name one. */
package org.ibvadvisor.identity;
