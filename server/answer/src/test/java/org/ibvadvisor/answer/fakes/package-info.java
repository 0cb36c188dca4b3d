/** Hand-written test fakes for the answer stages: a bigram-hashing embedder and a retriever over passages cut from the corpus. */
package org.ibvadvisor.answer.fakes;
