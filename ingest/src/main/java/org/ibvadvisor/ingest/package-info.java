/** The ingest pipeline: corpus → clean → chunk → embed → index, incremental and atomic. */
package org.ibvadvisor.ingest;
