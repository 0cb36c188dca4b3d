/** Text helpers the answer stages share: the language of a question, sentences with exact spans, readable passage text. */
package org.ibvadvisor.answer.text;
