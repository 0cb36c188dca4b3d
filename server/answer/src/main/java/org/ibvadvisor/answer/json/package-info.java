/** The JSON of an answer, one format for the API, the stored conversation metadata and {@code ./advisor ask}. */
package org.ibvadvisor.answer.json;
