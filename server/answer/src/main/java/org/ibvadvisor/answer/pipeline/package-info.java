/** The answer pipeline: condense, retrieve, decide, generate (or extract), check; one line per stage. */
package org.ibvadvisor.answer.pipeline;
