package org.ibvadvisor.answer.condense;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.ibvadvisor.answer.Question;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FollowUpsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "那 2025 年呢？                                           | true",
            "它的成本呢                                               | true",
            "为什么？                                                 | true",
            "还有哪些挑战需要注意，尤其是在数据治理和安全方面？           | true",
            "这些企业在生态系统合作中主要面临哪些挑战和障碍？             | true",
            "why?                                                    | true",
            "What about 2025?                                        | true",
            "And how do they measure it?                             | true",
            "到 2026 年，全球 2000 强企业的收入有多大比例会来自数字产品？ | false",
            "生成式 AI 的投资回报率在企业中通常是多少？                   | false",
            "What share of executives expect to reconfigure partnerships? | false",
    })
    void a_follow_up_is_short_opens_with_a_connective_or_points_back(String question, boolean followUp) {
        assertEquals(followUp, FollowUps.isFollowUp(new Question(question, null, Set.of())));
    }
}
