/** The reports as they are on disk: their text, their metadata and the readers that load them. */
package org.ibvadvisor.corpus;
