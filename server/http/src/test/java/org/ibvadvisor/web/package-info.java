/** Browser tests of the chat page, with a stand-in advisor API that keeps the page's HTTP contract. */
package org.ibvadvisor.web;
