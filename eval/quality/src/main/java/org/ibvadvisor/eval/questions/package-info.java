/** The team's question set ({@code eval/questions/questions.jsonl}): loading and splitting it. */
package org.ibvadvisor.eval.questions;
