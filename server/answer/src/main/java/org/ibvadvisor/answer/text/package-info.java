/** Text helpers the answer stages share: the language of a question and character-bigram similarity. */
package org.ibvadvisor.answer.text;
