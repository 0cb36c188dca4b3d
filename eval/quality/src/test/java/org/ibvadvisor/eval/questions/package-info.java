/** Checks of the team's question set in {@code eval/questions/} against the corpus it was written from. */
package org.ibvadvisor.eval.questions;
