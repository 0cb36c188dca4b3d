/** Writes the prompt: the numbered passages and the instruction to answer only from them, citing each claim. */
package org.ibvadvisor.answer.prompt;
