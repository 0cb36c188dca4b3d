package org.ibvadvisor.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The page contract against {@link FakeAdvisorApi}, plus what only a scripted server can provoke. */
class ChatPageAgainstFakeApiTest extends ChatPageContract {

    static FakeAdvisorApi api;
    static FakeAdvisorApi apiWithoutCsp;

    @BeforeAll
    static void startApi() {
        var answers = FakeAnswers.fromProjectCorpus();
        api = new FakeAdvisorApi(answers, true);
        apiWithoutCsp = new FakeAdvisorApi(answers, false);
    }

    @AfterAll
    static void stopApi() {
        if (api != null) api.close();
        if (apiWithoutCsp != null) apiWithoutCsp.close();
    }

    @BeforeEach
    void forget() {
        api.forgetConversations();
        apiWithoutCsp.forgetConversations();
    }

    @Override protected String baseUrl() { return api.baseUrl(); }
    @Override protected String baseUrlForHostileInput() { return apiWithoutCsp.baseUrl(); }
    @Override protected String answerableQuestion() { return "CEO 如何看待生成式 AI？"; }
    @Override protected String followUpQuestion() { return "那客户服务方面呢？"; }
    @Override protected String extractiveQuestion() { return "LLM 离线时 CEO 如何看待生成式 AI？"; }
    @Override protected String questionWithMarkupInAnswer() { return "xss 测试"; }
    @Override protected String screenshotPrefix() { return ""; }
}
