package org.ibvadvisor.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.ibvadvisor.chunk.Chunk;
import org.ibvadvisor.corpus.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A forked JVM ({@link CrashingIngest}) writes a big update into an existing index and is killed with kill -9
 * at different moments; afterwards the index opens and holds either the previous commit in full or, once the
 * new commit is done, the new one in full — never a mix.
 */
class CrashSafetyTest {
    static final IndexSettings SETTINGS = CrashingIngest.SETTINGS;
    static final List<String> BEFORE = List.of(CrashingIngest.CHANGED, CrashingIngest.REMOVED, "super-ecosystems");

    @TempDir
    static Path baseline;
    static Map<String, String> hashesBefore;
    static Map<String, List<Chunk>> chunksBefore = new java.util.HashMap<>();
    static Map<String, float[]> vectorsBefore = new java.util.HashMap<>();

    @TempDir
    Path folder;

    @BeforeAll
    static void buildThePreviousIndex() {
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(baseline, SETTINGS)) {
            long seed = 100;
            for (String id : BEFORE) {
                Report report = ParagraphChunks.bundled(id);
                List<Chunk> chunks = ParagraphChunks.of(report, 8, 20);
                List<float[]> vectors = CrashingIngest.vectors(chunks.size(), seed++);
                writer.upsertReport(report, chunks, vectors);
                chunksBefore.put(id, chunks);
                vectorsBefore.put(chunks.get(3).id(), vectors.get(3));
            }
            writer.commit();
            hashesBefore = writer.reportHashes();
        }
    }

    @ParameterizedTest(name = "killed after ''{0}''")
    @ValueSource(strings = {"opened", "wrote 0", "committing", "committed"})
    void a_killed_ingest_leaves_a_whole_index_that_answers_queries(String moment) throws Exception {
        copy(baseline, folder);

        List<String> said = runAndKillAfter(moment);

        boolean committed = said.contains("committed");
        if (moment.equals("wrote 0")) {
            assertTrue(uncommittedFiles(folder) > 0, "the kill should hit segments flushed but not committed");
        }
        try (ChunkIndex index = ChunkIndex.open(folder, SETTINGS)) {
            Map<String, String> hashes = index.info().reportHashes();
            if (moment.equals("committed")) assertTrue(committed);
            if (!hashes.equals(hashesBefore)) {
                assertTrue(moment.equals("committing") || moment.equals("committed"), "new content visible after '" + moment + "'");
                assertNewCommitIsWhole(index);
            } else {
                assertTrue(!moment.equals("committed"), "a finished commit must survive the kill");
                assertPreviousIndexIsWhole(index);
            }
        }
        try (ChunkIndexWriter writer = ChunkIndexWriter.open(folder, SETTINGS)) {
            writer.removeReport("super-ecosystems");
            writer.commit();
        }
        try (ChunkIndex index = ChunkIndex.open(folder, SETTINGS)) {
            assertEquals(List.of(), index.chunksOf("super-ecosystems"), "the index takes new commits after the crash");
        }
    }

    static void assertPreviousIndexIsWhole(ChunkIndex index) {
        assertEquals(chunksBefore.values().stream().mapToInt(List::size).sum(), index.info().chunkCount());
        for (String id : BEFORE) {
            assertEquals(chunksBefore.get(id), index.chunksOf(id));
            Chunk chunk = chunksBefore.get(id).get(3);
            assertEquals(chunk.id(), index.searchText(LexicalField.SMARTCN, chunk.cleanText(), 1, null).getFirst().chunk().id());
            assertEquals(chunk.id(), index.searchVector(vectorsBefore.get(chunk.id()), 1, null).getFirst().chunk().id());
        }
    }

    static void assertNewCommitIsWhole(ChunkIndex index) {
        Map<String, String> hashes = index.info().reportHashes();
        assertTrue(!hashes.containsKey(CrashingIngest.REMOVED) && index.chunksOf(CrashingIngest.REMOVED).isEmpty());
        assertTrue(hashes.get(CrashingIngest.CHANGED).startsWith("changed-"));
        int bulkChunks = ParagraphChunks.of(ParagraphChunks.bundled(CrashingIngest.BIG_REPORT), Integer.MAX_VALUE, 1).size();
        int expected = 5 + chunksBefore.get("super-ecosystems").size() + CrashingIngest.ROUNDS * bulkChunks;
        assertEquals(expected, index.info().chunkCount());
        assertEquals(5, index.chunksOf(CrashingIngest.CHANGED).size());
        for (int round = 0; round < CrashingIngest.ROUNDS; round++) {
            assertEquals(bulkChunks, index.chunksOf("bulk-" + round).size());
        }
    }

    /** Starts the child with this JVM's flags and classpath, reads its steps, kills it (kill -9) right after {@code moment}. */
    List<String> runAndKillAfter(String moment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(arg -> !arg.startsWith("-agentlib") && !arg.startsWith("-javaagent")).toList());
        command.add("-Xmx512m");
        command.add("-Dadvisor.projectDir=" + System.getProperty("advisor.projectDir", ".."));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), CrashingIngest.class.getName(), folder.toString()));
        Path errors = Files.createTempFile("crashing-ingest", ".err");
        Process child = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        List<String> said = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                said.add(line);
                if (line.equals(moment)) break;
            }
        } finally {
            child.destroyForcibly();
            if (!child.waitFor(30, TimeUnit.SECONDS)) fail("the child did not die");
        }
        if (!said.contains(moment)) {
            fail("the child ended before '" + moment + "'; it said " + said + "; stderr:\n" + Files.readString(errors));
        }
        Files.deleteIfExists(errors);
        return said;
    }

    /** Files in the folder that the last commit does not reference: what a killed writer left behind. */
    static long uncommittedFiles(Path folder) throws IOException {
        try (Directory directory = FSDirectory.open(folder); Stream<Path> files = Files.list(folder)) {
            var committed = SegmentInfos.readLatestCommit(directory).files(true);
            return files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("write.lock") && !committed.contains(f)).count();
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
