/** Serves the advisor over HTTP: the JSON API, the streamed chat, the OpenAI-compatible endpoints and the chat page. */
package org.ibvadvisor.http;
