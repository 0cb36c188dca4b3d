/** Turns text into normalised vectors with an ONNX sentence-embedding model. */
package org.ibvadvisor.embed;
