/** Tests of the HTTP layer: a real server on a free port, talked to over real HTTP, with hand-written collaborators. */
package org.ibvadvisor.http;
