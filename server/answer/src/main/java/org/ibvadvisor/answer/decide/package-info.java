/** Decides whether the retrieved passages cover a question well enough to answer it, or whether to refuse. */
package org.ibvadvisor.answer.decide;
