// The page's third-party libraries, served by Javalin from the WebJars pinned in the parent pom.xml.
// The versions in these paths must match <webjars.marked.version> and <webjars.dompurify.version>
// (VendorPathsTest checks that they exist on the classpath).
export { Marked } from '/webjars/marked/17.0.1/lib/marked.esm.js';
export { default as DOMPurify } from '/webjars/dompurify/3.3.3/dist/purify.es.mjs';
