package org.ibvadvisor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;

/** The page's pure functions (SSE parsing, rendering, highlighting, export), run as modules in the real browser. */
class PageModulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static BrowserSession browser;
    static FakeAdvisorApi api;

    @BeforeAll
    static void start() {
        api = new FakeAdvisorApi(FakeAnswers.fromProjectCorpus(), true);
        browser = new BrowserSession();
        browser.driver().get(api.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (api != null) api.close();
    }

    /** Runs body (which may await and must return a JSON-able value) in the page; returns that value. */
    private static JsonNode run(String body, Object... args) {
        var script = """
                const done = arguments[arguments.length - 1];
                const args = Array.from(arguments).slice(0, -1);
                (async () => { %s })().then(r => done(JSON.stringify({ok: r ?? null})), e => done(JSON.stringify({error: String(e && e.stack || e)})));
                """.formatted(body);
        var result = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(script, args);
        try {
            var node = JSON.readTree(result);
            if (node.has("error")) throw new AssertionError("in the browser: " + node.get("error").asText());
            return node.get("ok");
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + result, e);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    // ------------------------------------------------------------------------------------------- SSE

    static Stream<Arguments> eventStreams() {
        return Stream.of(
                Arguments.of("one event", "event: token\ndata: {\"text\":\"你好\"}\n\n", "[[\"token\",\"{\\\"text\\\":\\\"你好\\\"}\"]]"),
                Arguments.of("CRLF line ends", "event: a\r\ndata: x\r\n\r\n", "[[\"a\",\"x\"]]"),
                Arguments.of("CR line ends", "event: a\rdata: x\r\r", "[[\"a\",\"x\"]]"),
                Arguments.of("data lines joined by newlines", "data: one\ndata: two\n\n", "[[\"message\",\"one\\ntwo\"]]"),
                Arguments.of("comments, retry and unknown fields ignored",
                        ": keep-alive\nretry: 1000\nfoo: bar\nevent: done\ndata: {}\n\n", "[[\"done\",\"{}\"]]"),
                Arguments.of("no space after the colon", "event:x\ndata:y\n\n", "[[\"x\",\"y\"]]"),
                Arguments.of("only one leading space dropped", "data:  two\n\n", "[[\"message\",\" two\"]]"),
                Arguments.of("a field name alone is an empty value", "data\n\n", "[[\"message\",\"\"]]"),
                Arguments.of("an event without data is not dispatched and its type is forgotten",
                        "event: ping\n\ndata: a\n\n", "[[\"message\",\"a\"]]"),
                Arguments.of("a byte order mark at the start is dropped", "\uFEFFdata: x\n\n", "[[\"message\",\"x\"]]"),
                Arguments.of("a last event without its blank line still arrives", "event: done\ndata: {}", "[[\"done\",\"{}\"]]"),
                Arguments.of("four-byte characters survive any split", "data: 😀中文\n\nevent: t\ndata: ✓\n\n",
                        "[[\"message\",\"😀中文\"],[\"t\",\"✓\"]]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventStreams")
    void the_sse_parser_gives_the_same_events_however_the_bytes_are_split(String name, String stream, String expected) {
        var result = run("""
                const { createSseParser } = await import('/sse.js');
                const bytes = new TextEncoder().encode(args[0]);
                const parse = chunks => {
                  const events = [];
                  const parser = createSseParser(e => events.push([e.event, e.data]));
                  for (const c of chunks) parser.push(c);
                  parser.end();
                  return JSON.stringify(events);
                };
                const outcomes = { whole: parse([bytes]), bytes: parse([...bytes].map(b => Uint8Array.of(b))) };
                for (let i = 1; i < bytes.length; i++) outcomes['split at ' + i] = parse([bytes.slice(0, i), bytes.slice(i)]);
                return outcomes;
                """, stream);
        var want = json(expected);
        result.properties().forEach(entry -> assertEquals(want, json(entry.getValue().asText()), name + ", " + entry.getKey()));
    }

    // ------------------------------------------------------------------------------------- rendering

    static Stream<Arguments> warnings() {
        return Stream.of(
                Arguments.of("[{\"type\":\"unverified_figure\",\"figure\":\"45%\",\"message\":\"…\"}]", "[\"45%\"]", "[]"),
                Arguments.of("[{\"kind\":\"unverifiedNumber\",\"value\":\"2030\"}]", "[\"2030\"]", "[]"),
                Arguments.of("[\"unverified figure: 45%\"]", "[\"45%\"]", "[]"),
                Arguments.of("[\"未经核实的数字：“3.5 倍”\"]", "[\"3.5 倍\"]", "[]"),
                // the answer checker's own formats (SourceChecker.warning): several figures after one colon
                Arguments.of("[\"以下数字在所引资料中找不到，未经核实：45%、2030 年\"]", "[\"45%\",\"2030 年\"]", "[]"),
                Arguments.of("[\"Unverified figures (not found in the passages they cite): 45%, 1,110\"]", "[\"45%\",\"1,110\"]", "[]"),
                Arguments.of("[\"model qwen2.5:7b not found at http://127.0.0.1:11434: run `ollama pull qwen2.5:7b`\"]", "[]",
                        "[\"model qwen2.5:7b not found at http://127.0.0.1:11434: run `ollama pull qwen2.5:7b`\"]"),
                Arguments.of("[{\"type\":\"truncated\",\"message\":\"prompt truncated\"}]", "[]", "[\"prompt truncated\"]"),
                Arguments.of("null", "[]", "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warnings")
    void warnings_split_into_figures_to_mark_and_notes_to_show(String warnings, String figures, String notes) {
        var result = run("const { splitWarnings } = await import('/render.js'); return splitWarnings(JSON.parse(args[0]));", warnings);
        assertEquals(json(figures), result.get("figures"));
        assertEquals(json(notes), result.get("notes"));
    }

    static Stream<Arguments> figures() {
        return Stream.of(
                Arguments.of("45% 与 145% 与 4.45%", "45%", "[\"45%\"]"),
                Arguments.of("2025 年与 12025 年", "2025", "[\"2025\"]"),
                Arguments.of("增长 40%", "40", "[\"40%\"]"),
                Arguments.of("1.5 倍和 5 倍", "5", "[\"5\"]"),
                Arguments.of("`45%` 在代码中", "45%", "[]"),
                Arguments.of("**45%** 加粗也标出", "45%", "[\"45%\"]"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("figures")
    void unverified_figures_are_marked_only_where_they_stand_alone(String answer, String figure, String marked) {
        var result = run("""
                const { renderAnswer } = await import('/render.js');
                const { translator } = await import('/i18n.js');
                const box = document.createElement('div');
                renderAnswer(box, args[0], { hasSource: () => true, labelFor: n => 'source ' + n, figures: [args[1]], t: translator('zh') });
                return [...box.querySelectorAll('mark.unverified')].map(m => m.firstChild.textContent);
                """, answer, figure);
        assertEquals(json(marked), result);
    }

    static Stream<Arguments> citations() {
        return Stream.of(
                Arguments.of("见 [1] 和 [2, 3]。", "[1,2,3]"),
                Arguments.of("见【2】与 [1，3]", "[2,1,3]"),
                Arguments.of("[9] 指向不存在的来源", "[]"),
                Arguments.of("`[1]` 在代码里", "[]"),
                Arguments.of("[报告](https://www.ibm.com/ibv) [1]", "[1]"),
                Arguments.of("```\n[2]\n```\n结论 [3]", "[3]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("citations")
    void citation_numbers_become_chips_for_known_sources_outside_code_and_links(String answer, String chips) {
        var result = run("""
                const { renderAnswer } = await import('/render.js');
                const { translator } = await import('/i18n.js');
                const box = document.createElement('div');
                renderAnswer(box, args[0], { hasSource: n => n <= 3, labelFor: n => 'source ' + n, figures: [], t: translator('zh') });
                return [...box.querySelectorAll('button.cite')].map(b => Number(b.dataset.n));
                """, answer);
        assertEquals(json(chips), result);
    }

    @Test
    void rendered_markdown_keeps_formatting_and_loses_everything_that_could_run() {
        var result = run("""
                const { renderAnswer } = await import('/render.js');
                const { translator } = await import('/i18n.js');
                const box = document.createElement('div');
                renderAnswer(box, args[0], { hasSource: () => true, labelFor: n => 's' + n, figures: [], t: translator('zh') });
                const all = [...box.querySelectorAll('*')];
                return { html: box.innerHTML,
                         tags: [...new Set(all.map(e => e.tagName.toLowerCase()))].sort(),
                         attributes: [...new Set(all.flatMap(e => [...e.attributes].map(a => a.name)))].sort(),
                         links: [...box.querySelectorAll('a')].map(a => [a.getAttribute('href'), a.getAttribute('rel')]),
                         text: box.textContent };
                """, """
                **要点**<img src=x onerror=window.__xss=1><img src="x" onerror="window.__xss=1"><script>window.__xss=1</script>
                - <a href="javascript:window.__xss=1">甲</a> <svg onload=window.__xss=1></svg>
                - [乙](https://www.ibm.com/ibv) <iframe src="javascript:1"></iframe><b style="color:red" onclick="x()">丙</b>
                - [丁](javascript:window.__xss=1) <details open ontoggle="window.__xss=1">戊</details>
                """);
        var html = result.get("html").asText();
        assertEquals(json("[\"a\",\"b\",\"details\",\"li\",\"p\",\"strong\",\"ul\"]"), result.get("tags"), html);
        assertEquals(json("[\"href\",\"open\",\"rel\",\"target\"]"), result.get("attributes"), html);
        assertEquals(json("[[null,null],[\"https://www.ibm.com/ibv\",\"noopener noreferrer\"],[null,null]]"), result.get("links"), html);
        assertTrue(result.get("text").asText().contains("<img src=x onerror=window.__xss=1>"),
                "markup that is not HTML stays visible as text: " + html);
        assertTrue(!(Boolean) ((JavascriptExecutor) browser.driver()).executeScript("return window.__xss !== undefined;"));
    }

    // ------------------------------------------------------------------------------------ highlighting

    static Stream<Arguments> quotes() {
        var passage = "{\"text\":\"第一句。第二句很重要。第三句。\",\"span\":{\"start\":100,\"end\":116}}";
        return Stream.of(
                Arguments.of("by spans that agree with the quote", passage, "{\"quote\":\"第二句很重要。\",\"span\":{\"start\":104,\"end\":111}}", "第二句很重要。"),
                Arguments.of("by search when the spans disagree", passage, "{\"quote\":\"第三句\",\"span\":{\"start\":100,\"end\":103}}", "第三句"),
                Arguments.of("ignoring whitespace the chunker changed", passage, "{\"quote\":\"第二句 很\\n重要\"}", "第二句很重要"),
                Arguments.of("by spans alone when there is no quote", passage, "{\"span\":{\"start\":100,\"end\":104}}", "第一句。"),
                Arguments.of("nowhere when the quote is not in the passage", passage, "{\"quote\":\"不存在\"}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotes")
    void a_quote_is_found_in_its_passage(String name, String passage, String citation, String expected) {
        var result = run("""
                const { locateQuote } = await import('/highlight.js');
                const passage = JSON.parse(args[0]);
                const range = locateQuote(passage, JSON.parse(args[1]));
                return range ? passage.text.slice(range.start, range.end) : null;
                """, passage, citation);
        assertEquals(expected, result.isNull() ? null : result.asText());
    }

    @Test
    void context_around_a_span_is_cut_with_ellipses_and_keeps_the_span_highlightable() {
        var result = run("""
                const { contextAround } = await import('/highlight.js');
                const text = 'a'.repeat(50) + '目标句子' + 'b'.repeat(50);
                const c = contextAround(text, { start: 50, end: 54 }, '目标句子', 10);
                return [c.text, c.text.slice(c.range.start, c.range.end)];
                """);
        assertEquals(json("[\"…aaaaaaaaaa目标句子bbbbbbbbbb…\",\"目标句子\"]"), result);
    }

    // ---------------------------------------------------------------------------------------- export

    @Test
    void a_conversation_exports_as_markdown_with_each_answers_references() {
        var result = run("""
                const { conversationMarkdown, exportFileName } = await import('/export.js');
                const { translator } = await import('/i18n.js');
                const messages = [
                  { role: 'user', content: 'CEO 如何看待生成式 AI？' },
                  { role: 'assistant', content: '积极 [1]，但谨慎 [2]。', meta: { citations: [
                    { n: 2, report: { id: 'b', title: '报告乙' }, section: '第 2 章', quote: '谨慎\\n前行' },
                    { n: 1, report: { id: 'a', title: '报告甲' }, section: '', quote: '积极' } ] } } ];
                return [conversationMarkdown({ title: 'CEO 与 AI', messages, t: translator('zh'), reportTitle: r => r.title, date: 'D' }),
                        exportFileName('a/b: c?'), exportFileName('  ')];
                """);
        assertEquals("""
                # CEO 与 AI

                *导出自 IBV 生成式 AI 顾问，D*

                ## 问: CEO 如何看待生成式 AI？

                积极 [1]，但谨慎 [2]。

                **参考来源**

                - [1] 报告甲 — “积极”
                - [2] 报告乙 · 第 2 章 — “谨慎 前行”
                """, result.get(0).asText());
        assertEquals("ab c.md", result.get(1).asText());
        assertEquals("conversation.md", result.get(2).asText());
    }

    @Test
    void every_string_exists_in_both_languages() {
        assertEquals(json("{}"), run("const { missingKeys } = await import('/i18n.js'); return missingKeys();"));
    }
}
