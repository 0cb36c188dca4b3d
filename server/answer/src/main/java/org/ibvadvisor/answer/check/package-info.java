/** Checks a generated answer: keeps only citation marks that point to a passage, flags figures no cited passage holds, and records what is cited. */
package org.ibvadvisor.answer.check;
