package org.ibvadvisor.answer.generate;

/** How a generation ended: with an answer ({@link Generated}) or without one ({@link GenerationFailure}). */
public sealed interface GenerationOutcome permits Generated, GenerationFailure {
}
