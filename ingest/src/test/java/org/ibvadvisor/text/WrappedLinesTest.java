package org.ibvadvisor.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WrappedLinesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("到 2026 年，全球 2000 强企业的总收入中有 40% 将来自\n数字产品、服务和体验。",
                        "到 2026 年，全球 2000 强企业的总收入中有 40% 将来自数字产品、服务和体验。"),
                Arguments.of("首席信息官，\nInfosys 的", "首席信息官，Infosys 的"),
                Arguments.of("营收的\n40%", "营收的 40%"),
                Arguments.of("hybrid by\ndesign", "hybrid by design"),
                Arguments.of("第一段。\n\n  \n第二段。", "第一段。\n第二段。"),
                Arguments.of("  多个   空格\t这里 ", "多个 空格 这里"),
                Arguments.of("“混合设计\n”开启", "“混合设计”开启"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void wrapped_lines_are_joined_and_blank_lines_kept_as_one_break(String source, String readable) {
        assertEquals(readable, WrappedLines.join(source));
    }
}
