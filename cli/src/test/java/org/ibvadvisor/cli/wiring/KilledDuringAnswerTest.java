package org.ibvadvisor.cli.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ibvadvisor.ingest.IngestProgress;
import org.ibvadvisor.llm.ollama.OllamaSettings;
import org.ibvadvisor.testkit.ollama.ChatScript;
import org.ibvadvisor.testkit.ollama.StandInOllama;
import org.ibvadvisor.testing.BundledIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the advisor while it streams an answer: a new advisor on the same index and data folders
 * serves the index and every conversation as it was, with the question in flight and without its answer.
 */
class KilledDuringAnswerTest {
    private static final String FIRST = "2023 年至 2025 年间，平均计算成本预计会攀升多少？";
    private static final String IN_FLIGHT = "多少高管认为生成式 AI 会在两年内直接与客户互动？";

    @TempDir
    Path temp;

    @Test
    void an_advisor_killed_mid_answer_restarts_with_its_index_and_conversations_intact() throws Exception {
        Path index = BundledIndex.copyTo(temp.resolve("index"));
        Path data = temp.resolve("data");
        try (StandInOllama ollama = StandInOllama.start()) {
            ollama.onChat(StandInAnswers.citing(Duration.ZERO));
            Process child = startChild(index, data, ollama.baseUrl());
            String conversationId;
            JsonNode firstAnswer;
            try {
                URI uri = URI.create("http://127.0.0.1:" + awaitPort(child) + "/");
                try (AdvisorHttp http = new AdvisorHttp(uri)) {
                    firstAnswer = http.answer(FIRST, null);
                    conversationId = firstAnswer.path("conversationId").asText();

                    ollama.onChat(request -> StandInAnswers.isCondensing(request) ? ChatScript.reply("改写")
                            : ChatScript.reply("很长的回答".repeat(200)).tokenDelay(Duration.ofMillis(20)));
                    CountDownLatch tokens = new CountDownLatch(5);
                    AtomicInteger passages = new AtomicInteger();
                    Thread asking = Thread.ofVirtual().start(() -> {
                        try {
                            http.chat(IN_FLIGHT, conversationId, event -> {
                                if (event.name().equals("passages")) passages.incrementAndGet();
                                if (event.name().equals("token")) tokens.countDown();
                            });
                        } catch (RuntimeException expected) {
                            // the server died under the stream
                        }
                    });
                    assertTrue(tokens.await(60, TimeUnit.SECONDS), "the answer was streaming");
                    assertEquals(1, passages.get());

                    child.toHandle().destroyForcibly();
                    assertTrue(child.waitFor(20, TimeUnit.SECONDS), "the child did not die");
                    asking.join(Duration.ofSeconds(20));
                    assertFalse(asking.isAlive(), "the stream ended with the server");
                }
            } finally {
                child.toHandle().destroyForcibly();
                child.waitFor(20, TimeUnit.SECONDS);
            }

            ollama.onChat(StandInAnswers.citing(Duration.ZERO));
            try (Advisor restarted = Advisor.start(TestAdvisors.config(index, data, ollama.baseUrl(), OllamaSettings.DEFAULT_MODEL),
                    IngestProgress.NONE);
                 AdvisorHttp http = new AdvisorHttp(restarted.uri())) {
                assertEquals(null, restarted.ingested(), "the index opened as it was, without an ingest");
                AdvisorHttp.Reply retrieved = http.post("/api/retrieve", AdvisorHttp.JSON.createObjectNode().put("query", FIRST));
                assertEquals(200, retrieved.status(), retrieved.body());
                assertTrue(retrieved.json().path("passages").get(0).path("text").asText().replaceAll("\\s", "").contains("89%"));
                assertEquals(BundledIndex.summary().chunksInIndex(), http.get("/api/health").json().path("chunks").asInt());

                JsonNode messages = http.get("/api/conversations/" + conversationId).json().path("messages");
                assertEquals(List.of("user", "assistant", "user"), roles(messages), "the answer in flight is lost, nothing else");
                assertEquals(FIRST, messages.get(0).path("content").asText());
                assertEquals(firstAnswer.path("answer").asText(), messages.get(1).path("content").asText());
                assertEquals(firstAnswer.path("citations"), messages.get(1).path("meta").path("citations"));
                assertEquals(IN_FLIGHT, messages.get(2).path("content").asText());

                JsonNode again = http.answer(IN_FLIGHT, conversationId);
                assertEquals("generated", again.path("mode").asText());
                assertEquals(5, http.get("/api/conversations/" + conversationId).json().path("messages").size(),
                        "the conversation goes on after the restart");
            }
        }
    }

    private Process startChild(Path index, Path data, String ollamaUrl) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!argument.startsWith("-agentlib:jdwp") && !argument.startsWith("-Xmx")) command.add(argument);
        }
        command.add("-Xmx512m");
        command.add("-Dadvisor.projectDir=" + BundledIndex.projectDir());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AdvisorChild.class.getName());
        command.addAll(List.of(index.toString(), data.toString(), ollamaUrl, temp.resolve("port").toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temp.resolve("child.log").toFile()).start();
    }

    private int awaitPort(Process child) throws IOException, InterruptedException {
        Path portFile = temp.resolve("port");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.exists(portFile)) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child advisor did not start (exit " + (child.isAlive() ? "none" : child.exitValue())
                        + "):\n" + Files.readString(temp.resolve("child.log")));
            }
            Thread.sleep(50);
        }
        return Integer.parseInt(Files.readString(portFile).strip());
    }

    private static List<String> roles(JsonNode messages) {
        List<String> roles = new ArrayList<>();
        messages.forEach(m -> roles.add(m.path("role").asText()));
        return roles;
    }
}
