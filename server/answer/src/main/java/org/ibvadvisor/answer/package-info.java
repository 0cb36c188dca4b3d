/** Answers a question from retrieved passages, every claim cited: condense, retrieve, decide, generate, check. */
package org.ibvadvisor.answer;
