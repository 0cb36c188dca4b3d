package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's ES modules import each other as a tree (a DAG): no module imports, however indirectly, one that imports
 * it. A cycle makes what a module sees at load time depend on which module the browser happened to start from, and
 * means the page has no layering to read it by (README.md next to the modules gives it). Every {@code .js} under
 * {@code src/main/resources/web} is read; {@code import … from './x.js'}, {@code import './x.js'},
 * {@code export … from './x.js'} and {@code import('./x.js')} all count as edges.
 */
class PageModuleGraphTest {

    /** Static imports and re-exports: {@code import x from}, {@code import {a, b} from}, {@code import * as m from},
     * {@code import 'x'}, {@code export {a} from}, {@code export * from}; at the start of a line, over several lines. */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "^[ \\t]*(?:import|export)\\s*(?:[\\w$*{},\\s]*?\\bfrom\\s*)?(['\"])([^'\"\\n]+)\\1", Pattern.MULTILINE);
    /** {@code import('./x.js')} anywhere; its argument must be a plain string to be checked. */
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\s*\\(\\s*(?:(['\"`])([^'\"`\\n]+)\\1\\s*\\))?");
    /** Comments, so that prose naming a module or showing an import is not read as one. Strings come first so that
     * a {@code //} inside a string (a URL) does not start a comment. */
    private static final Pattern STRING_OR_COMMENT = Pattern.compile(
            "'(?:[^'\\\\\\n]|\\\\.)*'|\"(?:[^\"\\\\\\n]|\\\\.)*\"|(//[^\\n]*|/\\*[\\s\\S]*?\\*/)");

    /** The sources, not the copy in target/classes, which keeps a deleted or renamed module until mvn clean. */
    private static Path webFolder() {
        var folder = Path.of("src", "main", "resources", "web");
        assertTrue(Files.isRegularFile(folder.resolve("app.js")), folder.toAbsolutePath() + " has no app.js (tests run in server/)");
        return folder;
    }

    /** Every .js under the web folder, by its path from there ("app.js", "lib/x.js"), to the modules it imports. */
    static Map<String, Set<String>> moduleGraph(Path root) {
        var graph = new TreeMap<String, Set<String>>();
        try (Stream<Path> files = Files.walk(root)) {
            for (var file : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                var name = root.relativize(file).toString().replace('\\', '/');
                graph.put(name, importsOf(name, Files.readString(file, StandardCharsets.UTF_8), root));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return graph;
    }

    /** The modules in root that source (the module at name) imports; names outside root (the WebJars) are left out. */
    static Set<String> importsOf(String name, String source, Path root) {
        var code = withoutComments(source);
        var specifiers = new ArrayList<String>();
        STATIC_IMPORT.matcher(code).results().forEach(m -> specifiers.add(m.group(2)));
        DYNAMIC_IMPORT.matcher(code).results().forEach(m -> {
            if (m.group(2) == null) fail(name + ": import(…) of something other than a string literal cannot be checked: "
                    + code.substring(m.start(), Math.min(code.length(), m.end() + 40)));
            specifiers.add(m.group(2));
        });
        var imports = new TreeSet<String>();
        var here = Path.of("/").resolve(name).getParent();
        for (var specifier : specifiers) {
            if (!specifier.startsWith("./") && !specifier.startsWith("../") && !specifier.startsWith("/")) {
                fail(name + " imports '" + specifier + "': the page has no import map, so only paths resolve");
            }
            var target = (specifier.startsWith("/") ? Path.of(specifier) : here.resolve(specifier)).normalize();
            var relative = Path.of("/").relativize(target).toString().replace('\\', '/');
            if (Files.isRegularFile(root.resolve(relative))) {
                imports.add(relative);
            } else if (!specifier.startsWith("/webjars/")) {
                fail(name + " imports '" + specifier + "', which is not a file in the web folder");
            }
        }
        return imports;
    }

    static String withoutComments(String source) {
        return STRING_OR_COMMENT.matcher(source).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? m.group() : m.group(1).replaceAll("[^\\n]", " ")));
    }

    /** Every cycle a depth-first walk closes, each as its modules in order with the first repeated at the end. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        var found = new ArrayList<List<String>>();
        var done = new HashSet<String>();
        for (var start : graph.keySet()) {
            if (done.contains(start)) continue;
            var path = new ArrayList<String>();
            var onPath = new HashSet<String>();
            var next = new ArrayDeque<Iterator<String>>();
            path.add(start);
            onPath.add(start);
            next.push(graph.getOrDefault(start, Set.of()).iterator());
            while (!next.isEmpty()) {
                var it = next.peek();
                if (!it.hasNext()) {
                    next.pop();
                    var left = path.removeLast();
                    onPath.remove(left);
                    done.add(left);
                    continue;
                }
                var to = it.next();
                if (onPath.contains(to)) {
                    var cycle = new ArrayList<>(path.subList(path.indexOf(to), path.size()));
                    cycle.add(to);
                    found.add(cycle);
                } else if (!done.contains(to)) {
                    path.add(to);
                    onPath.add(to);
                    next.push(graph.getOrDefault(to, Set.of()).iterator());
                }
            }
        }
        return found;
    }

    private static Set<String> reachableFrom(String start, Map<String, Set<String>> graph) {
        var seen = new LinkedHashSet<String>();
        var todo = new ArrayDeque<String>(List.of(start));
        while (!todo.isEmpty()) {
            var module = todo.pop();
            if (seen.add(module)) todo.addAll(graph.getOrDefault(module, Set.of()));
        }
        return seen;
    }

    // -------------------------------------------------------------------------------------------------------- the page

    @Test
    void the_pages_modules_import_each_other_without_a_cycle() {
        var graph = moduleGraph(webFolder());
        var cycles = cycles(graph);
        if (!cycles.isEmpty()) {
            var described = new StringBuilder();
            for (var cycle : cycles) described.append("\n  ").append(String.join(" → ", cycle));
            var edges = new StringBuilder();
            graph.forEach((module, imports) -> edges.append("\n  ").append(module).append(" → ").append(imports));
            fail("the page's modules import each other in a circle:" + described + "\nall imports:" + edges);
        }
    }

    @Test
    void every_module_is_loaded_by_the_entry() {
        var graph = moduleGraph(webFolder());
        var unused = new TreeSet<>(graph.keySet());
        unused.removeAll(reachableFrom("app.js", graph));
        assertTrue(graph.size() > 5, "the web folder's modules were found: " + graph.keySet());
        assertEquals(Set.of(), unused, "modules app.js does not load, directly or not (is the import parser blind to them?)");
    }

    // ------------------------------------------------------------------------------------------------ the parser itself

    @Test
    void every_form_of_import_is_an_edge_and_imports_in_comments_are_not(@TempDir Path root)
            throws IOException {
        for (var name : List.of("a.js", "b.js", "c.js", "d.js", "e.js", "f.js", "g.js", "lib/h.js")) {
            Files.createDirectories(root.resolve(name).getParent());
            Files.writeString(root.resolve(name), "");
        }
        var source = """
                // The entry; it used to import './z.js' (import('./z.js') too).
                /* import { x } from './z.js'; */
                import { one,
                  two as three } from './a.js';
                import b from "./b.js";
                import * as c from './c.js';
                import './d.js';
                export { e } from './e.js';
                export * from './lib/h.js';
                import { Marked } from '/webjars/marked/17.0.1/lib/marked.esm.js';
                const url = 'https://example.com/'; // import('./z.js')
                const text = "import { y } from './z.js'", quote = '/* not a comment';
                export function later() { return import('./f.js').then(() => import("/g.js")); }
                """;
        assertEquals(new TreeSet<>(List.of("a.js", "b.js", "c.js", "d.js", "e.js", "f.js", "g.js", "lib/h.js")),
                importsOf("entry.js", source, root));
        assertEquals(Set.of("a.js"), importsOf("lib/h.js", "import '../a.js';", root));
    }

    @Test
    void a_cycle_is_named_module_by_module() {
        var graph = new HashMap<String, Set<String>>();
        graph.put("app.js", Set.of("thread.js"));
        graph.put("thread.js", Set.of("stream.js"));
        graph.put("stream.js", Set.of("thread.js"));
        assertEquals(List.of(List.of("thread.js", "stream.js", "thread.js")), cycles(graph));
        graph.put("stream.js", Set.of("state.js"));
        assertEquals(List.of(), cycles(graph));
    }
}
